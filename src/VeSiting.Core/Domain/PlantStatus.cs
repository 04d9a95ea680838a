namespace VeSiting.Core.Domain;

public enum PlantStatus
{
    Operating,
    Decommissioned,
    /// <summary>Not in any register: a what-if layout given by a user.</summary>
    Planned,
}
