namespace VeSiting.Core.Importing;

/// <summary>Typed records plus every row that was skipped or faulty, and why.</summary>
public sealed record ImportResult<T>(IReadOnlyList<T> Records, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == ImportIssueSeverity.Error);

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.Severity == ImportIssueSeverity.Error);

    public IEnumerable<ImportIssue> Skipped => Issues.Where(i => i.Severity == ImportIssueSeverity.Skipped);

    /// <summary>The records, only if the input had no errors; otherwise an <see cref="ImportFailedException"/> listing them.</summary>
    public IReadOnlyList<T> RecordsOrThrow(string source) =>
        HasErrors ? throw new ImportFailedException(source, Errors.ToList()) : Records;
}
