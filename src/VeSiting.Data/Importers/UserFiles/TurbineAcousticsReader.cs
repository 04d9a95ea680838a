using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;

namespace VeSiting.Data.Importers.UserFiles;

/// <summary>
/// A turbine-acoustics file (CSV, one row per manufacturer, model and mode): <c>manufacturer, model, mode, lwa_6ms_db, lwa_8ms_db</c>
/// (sound power totals in dB(A) at 10 m reference height) and optionally <c>lwa_octaves_8ms_db</c> (8 A-weighted octave levels
/// 63 Hz–8 kHz) and <c>lwa_lf_thirds_8ms_db</c> (13 A-weighted 1/3-octave levels 10–160 Hz), each a list of numbers separated by
/// spaces. Values are checked for shape (<see cref="TurbineAcoustics.ShapeProblem"/>) and against the plausible range of the rules in
/// force (<see cref="AcousticsRange"/>); any error names row and column
/// and fails the file. A manufacturer, model and mode given twice is an error.
/// </summary>
public sealed class TurbineAcousticsReader(AcousticsRange range)
{
    public static IReadOnlyList<string> Columns { get; } = ["manufacturer", "model", "mode", "lwa_6ms_db", "lwa_8ms_db"];
    public const string OctavesColumn = "lwa_octaves_8ms_db", ThirdsColumn = "lwa_lf_thirds_8ms_db";

    public ImportResult<TurbineAcousticsSheet> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, [.. Columns]);
        var issues = new List<ImportIssue>(table.FileIssues);
        var rows = new List<TurbineAcousticsSheet>();
        var firstRow = new Dictionary<(string, string, string), int>();
        foreach (var (row, cells) in table.Rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            var before = issues.Count;
            var manufacturer = table.Required(cells, row, "manufacturer", issues);
            var model = table.Required(cells, row, "model", issues);
            var mode = table.Required(cells, row, "mode", issues);
            var lwa6 = table.RequiredNumber(cells, row, "lwa_6ms_db", issues);
            var lwa8 = table.RequiredNumber(cells, row, "lwa_8ms_db", issues);
            var octaves = Spectrum(table, cells, row, OctavesColumn, issues);
            var thirds = Spectrum(table, cells, row, ThirdsColumn, issues);
            if (issues.Count > before)
                continue;
            if ((TurbineAcoustics.ShapeProblem(lwa6, lwa8, octaves, thirds) ?? range.Problem(lwa6, lwa8, octaves, thirds)) is { } problem)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, problem.Field, problem.Reason));
                continue;
            }
            var key = (TurbineModelName.Manufacturer(manufacturer), TurbineModelName.Model(model), mode!.Trim().ToLowerInvariant());
            if (firstRow.TryGetValue(key, out var first))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, "mode", Reason.Of("import.acoustics-twice", ("manufacturer", manufacturer ?? ""), ("model", model ?? ""), ("mode", mode), ("first", first))));
                continue;
            }
            firstRow[key] = row;
            var acoustics = new TurbineAcoustics(lwa6!.Value, lwa8!.Value, octaves, thirds, AcousticsBasis.DataSheet,
                $"turbine-acoustics {table.File} row {row}: {manufacturer} {model}, mode {mode}");
            rows.Add(new TurbineAcousticsSheet(manufacturer!, model!, mode, acoustics, new RecordOrigin(sourceId, table.File, row)));
        }
        return new ImportResult<TurbineAcousticsSheet>(rows, issues);
    }

    /// <summary>A spectrum cell: numbers separated by spaces; null when the column or the cell is blank.</summary>
    private static double[]? Spectrum(CsvTable table, string[] cells, int row, string column, List<ImportIssue> issues)
    {
        if (table.Get(cells, column) is not { } text)
            return null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!CellText.TryNumber(parts[i], out values[i]))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, column, Reason.Of("import.band-not-number", ("value", parts[i]), ("index", i + 1))));
                return null;
            }
        }
        return values;
    }
}
