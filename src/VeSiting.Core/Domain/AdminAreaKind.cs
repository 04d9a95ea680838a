namespace VeSiting.Core.Domain;

public enum AdminAreaKind
{
    Municipality,
    Region,
    PostCode,
}
