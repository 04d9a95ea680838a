namespace VeSiting.Core.Importing;

/// <summary>
/// An input could not be imported as a whole: the file is unreadable or its structure is wrong,
/// or rows are malformed. Carries every error found, each with file, row and column.
/// </summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException(string source, IReadOnlyList<ImportIssue> errors)
        : base(Describe(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    public ImportFailedException(string source, string file, string reason, Exception? inner = null)
        : this(source, [new ImportIssue(ImportIssueSeverity.Error, file, null, null, reason)], inner)
    {
    }

    private ImportFailedException(string source, IReadOnlyList<ImportIssue> errors, Exception? inner)
        : base(Describe(source, errors), inner)
    {
        Source = source;
        Errors = errors;
    }

    public new string Source { get; }

    public IReadOnlyList<ImportIssue> Errors { get; }

    private static string Describe(string source, IReadOnlyList<ImportIssue> errors)
    {
        const int shown = 10;
        var lines = errors.Take(shown).Select(e => "  " + e);
        var more = errors.Count > shown ? $"\n  … and {errors.Count - shown} more" : "";
        return $"Import of '{source}' failed with {errors.Count} error(s):\n{string.Join('\n', lines)}{more}";
    }
}
