namespace VeSiting.Core.Importing;

/// <summary>What one source's import produced: record count, the issues found and how long it took.</summary>
public sealed record SourceReport(string SourceId, int Records, IReadOnlyList<ImportIssue> Issues, TimeSpan Elapsed)
{
    public int Skipped => Issues.Count(i => i.Severity == ImportIssueSeverity.Skipped);
    public int Notes => Issues.Count(i => i.Severity == ImportIssueSeverity.Note);
}
