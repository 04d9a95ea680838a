namespace VeSiting.Core.Domain;

/// <summary>On land or at sea (the register's "Type af placering": LAND/Land/HAV).</summary>
public enum Siting
{
    Unknown,
    Onshore,
    Offshore,
}
