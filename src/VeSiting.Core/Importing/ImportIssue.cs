namespace VeSiting.Core.Importing;

/// <summary>
/// One finding of an importer, precise to the file, sheet, row and column. <see cref="Reason"/> is the English text;
/// a finding written as a code and values also carries it as <see cref="Because"/>, so a report renders it in its language.
/// </summary>
public sealed record ImportIssue(ImportIssueSeverity Severity, string File, int? Row, string? Column, string Reason, string? Sheet = null)
{
    public ImportIssue(ImportIssueSeverity severity, string file, int? row, string? column, Reason because, string? sheet = null)
        : this(severity, file, row, column, because.Text, sheet) => Because = because;

    /// <summary>The finding as a code and values, when the importer wrote it so (else null: <see cref="Reason"/> is the whole of it).</summary>
    public Reason? Because { get; init; }

    /// <summary>The finding as a reason: <see cref="Because"/>, or <see cref="Reason"/> as text.</summary>
    public Reason Why => Because ?? Explanations.Reason.Plain(Reason);

    /// <summary>The severity in words of the language (note, skipped, error).</summary>
    public Reason SeverityWord => Explanations.Reason.Of("import.severity." + Severity.ToString().ToLowerInvariant());

    /// <summary>"severity: file [sheet] row N column 'C': reason" in the given language.</summary>
    public string Render(MessageCatalogue catalogue)
    {
        var where = Explanations.Reason.Plain(File);
        if (Sheet is not null) where = Explanations.Reason.Of("import.where-sheet", ("where", where), ("sheet", Sheet));
        if (Row is { } row) where = Explanations.Reason.Of("import.where-row", ("where", where), ("row", row));
        if (Column is not null) where = Explanations.Reason.Of("import.where-column", ("where", where), ("column", Column));
        return Explanations.Reason.Of("import.issue", ("severity", SeverityWord), ("where", where), ("reason", Why)).Render(catalogue);
    }

    /// <summary>In English: errors name file, row and column the way problem details do, in English.</summary>
    public override string ToString() => Render(MessageCatalogue.English);
}
