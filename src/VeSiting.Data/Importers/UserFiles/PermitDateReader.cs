using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.UserFiles;

/// <summary>
/// A user's permit dates as CSV: <c>gsrn, permit_date</c> with the date as ISO <c>yyyy-MM-dd</c>. Strict: any other
/// date form is an error naming row and column, since a guessed day–month order would move a plant between schemes.
/// </summary>
public sealed class PermitDateReader
{
    public const string DateColumn = "permit_date";

    public ImportResult<PermitDateRow> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, GsrnColumn.Name, DateColumn);
        var gsrns = new GsrnColumn(table);
        var issues = new List<ImportIssue>(table.FileIssues);
        var rows = new List<PermitDateRow>();
        foreach (var (row, cells) in table.Rows)
        {
            var gsrn = gsrns.Read(cells, row, issues);
            var text = table.Required(cells, row, DateColumn, issues);
            if (text is null || gsrn is null)
                continue;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, DateColumn, Reason.Of("import.not-date-iso", ("value", text))));
                continue;
            }
            rows.Add(new PermitDateRow(gsrn, date, new RecordOrigin(sourceId, table.File, row)));
        }
        return new ImportResult<PermitDateRow>(rows, issues);
    }
}
