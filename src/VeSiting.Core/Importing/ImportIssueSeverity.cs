namespace VeSiting.Core.Importing;

public enum ImportIssueSeverity
{
    /// <summary>A value was read as "unknown" (a documented placeholder); the row is kept.</summary>
    Note,
    /// <summary>The row could not be used and was left out, for a stated reason (e.g. no coordinates).</summary>
    Skipped,
    /// <summary>The input is malformed: the result must not be used as complete.</summary>
    Error,
}
