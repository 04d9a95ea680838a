using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Dst;

/// <summary>
/// Statistics Denmark FOLK1A by municipality (CSV: <c>OMRÅDE, KØN, ALDER, TID, INDHOLD</c>).
/// Only totals (all sexes, all ages) are population figures; other breakdowns are reported as skipped.
/// </summary>
public sealed class DstPopulationReader
{
    public ImportResult<DstPopulationRow> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, "OMRÅDE", "TID", "INDHOLD");
        var issues = new List<ImportIssue>(table.FileIssues);
        var rows = new List<DstPopulationRow>();
        foreach (var (row, cells) in table.Rows)
        {
            var sex = table.Get(cells, "KØN");
            var age = table.Get(cells, "ALDER");
            if (sex is not null && !sex.Equals("I alt", StringComparison.OrdinalIgnoreCase)
                || age is not null && !age.Equals("Alder i alt", StringComparison.OrdinalIgnoreCase))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, table.File, row, "KØN", Reason.Of("import.dst-breakdown", ("sex", sex ?? ""), ("age", age ?? ""))));
                continue;
            }
            var before = issues.Count;
            var area = table.Required(cells, row, "OMRÅDE", issues);
            var period = table.Required(cells, row, "TID", issues);
            var count = table.RequiredNumber(cells, row, "INDHOLD", issues);
            if (count is { } c && (c < 0 || c != Math.Floor(c)))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, "INDHOLD", Reason.Of("import.not-head-count", ("value", c))));
            if (issues.Count > before)
                continue;
            rows.Add(new DstPopulationRow(area!, period!, (long)count!.Value, new RecordOrigin(sourceId, table.File, row)));
        }
        return new ImportResult<DstPopulationRow>(rows, issues);
    }
}
