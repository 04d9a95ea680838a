namespace VeSiting.Core.Importing;

/// <summary>One finding of an importer, precise to the file, sheet, row and column.</summary>
public sealed record ImportIssue(ImportIssueSeverity Severity, string File, int? Row, string? Column, string Reason, string? Sheet = null)
{
    public override string ToString()
    {
        var where = File;
        if (Sheet is not null) where += $" [{Sheet}]";
        if (Row is not null) where += $" row {Row}";
        if (Column is not null) where += $" column '{Column}'";
        return $"{Severity.ToString().ToLowerInvariant()}: {where}: {Reason}";
    }
}
