using System.Text.RegularExpressions;
using ExcelDataReader;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Ens;

/// <summary>
/// Reads Energistyrelsen's <i>Stamdataregister for vindkraftanlæg</i> workbook (any edition, about 2014 to today):
/// the existing-turbines sheet and the decommissioned sheet in any order, header (Danish or English) found by content,
/// one <see cref="Plant"/> per turbine with coordinates, the park relation where published, production by year or month.
/// Placeholders (0.1 m, "Ukendt") become unknown values, rows without coordinates are reported as skipped, malformed
/// cells are errors with sheet, row and column. Rows with publisher errors (placeholder coordinates, coordinates outside
/// Denmark, scaled by 100 or with the axes swapped, missing capacity or height) are skipped with a warning; the import
/// fails only when they pass <see cref="MaxUnusableShare"/> of the existing-turbines sheet.
/// </summary>
public sealed partial class EnsWindRegisterReader
{
    public const string DefaultSourceId = "ens-wind-register";

    /// <summary>
    /// Largest share of the existing-turbines sheet's rows that may be skipped for publisher errors before the edition is
    /// refused as unusable (rows without coordinates are the register's own "not placed" and do not count).
    /// </summary>
    public const double MaxUnusableShare = 0.05;

    /// <summary>Heights and diameters at or below this are the register's placeholder for "unknown".</summary>
    private const double PlaceholderMetres = 0.1;

    private static readonly string[] UnknownWords = ["ukendt", "unknown", "-", "n/a"];

    static EnsWindRegisterReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public ImportResult<Plant> Read(string path, string sourceId = DefaultSourceId)
    {
        using var stream = OpenOrFail(path, sourceId);
        return Read(stream, Path.GetFileName(path), sourceId);
    }

    public ImportResult<Plant> Read(Stream stream, string fileName, string sourceId = DefaultSourceId)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        WorkbookGuard.Check(stream, fileName, sourceId);
        var sheets = ReadWorkbook(stream, fileName, sourceId);
        var plants = new List<Plant>();
        var issues = new List<ImportIssue>();
        var recognised = 0;
        foreach (var (name, rows) in sheets)
        {
            if (ClassifySheet(name) is not { } status)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Note, fileName, null, null, Reason.Of("import.other-sheet"), name));
                continue;
            }
            recognised++;
            var layout = EnsSheetLayout.Find(rows, out var diagnosis)
                ?? throw new ImportFailedException(sourceId, [new ImportIssue(ImportIssueSeverity.Error, fileName, null, null, diagnosis, name)]);
            var sheet = new SheetReader(sourceId, fileName, name, status, layout, plants, issues);
            sheet.ReadRows(rows);
            CheckUnusableShare(sourceId, fileName, name, status, sheet, issues);
        }
        if (recognised == 0)
            throw new ImportFailedException(sourceId, fileName,
                $"no sheet of existing or decommissioned turbines (sheets: {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))})");

        foreach (var duplicate in plants.GroupBy(p => (p.Id, p.Status)).Where(g => g.Count() > 1))
        {
            foreach (var extra in duplicate.Skip(1))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, fileName, extra.Origin.Row, "GSRN",
                    Reason.Of("import.gsrn-twice", ("gsrn", extra.Id), ("first", duplicate.First().Origin.Row)), extra.Origin.Sheet));
        }
        return new ImportResult<Plant>(plants, issues);
    }

    /// <summary>Counts the rows skipped for publisher errors in the report, and refuses an existing-turbines sheet with too many.</summary>
    private static void CheckUnusableShare(string sourceId, string file, string sheetName, PlantStatus status, SheetReader sheet, List<ImportIssue> issues)
    {
        if (sheet.Unusable.Count == 0)
            return;
        var share = (double)sheet.Unusable.Count / sheet.DataRows;
        issues.Add(new ImportIssue(ImportIssueSeverity.Note, file, null, null,
            Reason.Of("import.publisher-errors-skipped", ("count", sheet.Unusable.Count), ("rows", sheet.DataRows), ("share", share)), sheetName));
        if (status != PlantStatus.Operating || share <= MaxUnusableShare)
            return;
        var worst = sheet.Unusable.OrderByDescending(u => u.Value.Count).ThenBy(u => u.Key).Take(10)
            .Select(u => $"row {u.Key} ({string.Join("; ", u.Value)})");
        throw new ImportFailedException(sourceId, [new ImportIssue(ImportIssueSeverity.Error, file, null, null,
            $"{sheet.Unusable.Count} of {sheet.DataRows} rows ({share:P1}) have publisher errors, more than the {MaxUnusableShare:P0} an edition may have to be used; worst: {string.Join(", ", worst)}",
            sheetName)]);
    }

    /// <summary>"IkkeAfmeldte-Existing turbines" → operating; "Afmeldte-Decommissioned" → decommissioned.</summary>
    internal static PlantStatus? ClassifySheet(string name)
    {
        var n = CellText.Normalise(name).Replace("-", "").Replace(" ", "");
        if (n.Contains("ikkeafmeldte") || n.Contains("existing") || n.Contains("nondecommissioned"))
            return PlantStatus.Operating;
        if (n.Contains("afmeldte") || n.Contains("decommissioned"))
            return PlantStatus.Decommissioned;
        return null;
    }

    private static FileStream OpenOrFail(string path, string sourceId)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException(sourceId, path, $"cannot open: {e.Message}", e);
        }
    }

    private static List<(string Name, List<object?[]> Rows)> ReadWorkbook(Stream stream, string fileName, string sourceId)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<(string, List<object?[]>)>();
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var values = new object?[reader.FieldCount];
                    for (var c = 0; c < values.Length; c++)
                        values[c] = reader.GetValue(c);
                    rows.Add(values);
                }
                sheets.Add((reader.Name, rows));
            } while (reader.NextResult());
            return sheets;
        }
        catch (Exception e) when (e is not ImportFailedException and not OutOfMemoryException)
        {
            throw new ImportFailedException(sourceId, fileName, $"not a readable Excel workbook (truncated or corrupt?): {e.Message}", e);
        }
    }

    private sealed partial class SheetReader(string sourceId, string file, string sheet, PlantStatus status, EnsSheetLayout layout, List<Plant> plants, List<ImportIssue> issues)
    {
        private int _row;

        /// <summary>Rows with a GSRN (turbines) read from the sheet.</summary>
        public int DataRows { get; private set; }

        /// <summary>Rows skipped for publisher errors: row number → the problems found.</summary>
        public SortedDictionary<int, List<string>> Unusable { get; } = [];

        public void ReadRows(List<object?[]> rows)
        {
            var blankFrom = -1;
            for (var r = layout.HeaderRowIndex + 1; r < rows.Count; r++)
            {
                _row = r + 1;
                var cells = rows[r];
                if (cells.All(CellText.IsBlank))
                {
                    blankFrom = blankFrom < 0 ? _row : blankFrom;
                    continue;
                }
                if (blankFrom >= 0)
                {
                    Layout(blankFrom, Reason.Of("import.layout-blank", ("count", _row - blankFrom), ("first", blankFrom)));
                    blankFrom = -1;
                }
                if (LayoutRow(cells) is { } layoutReason)
                {
                    Layout(_row, layoutReason);
                    continue;
                }
                var gsrn = CellText.Text(Cell(cells, EnsField.Gsrn));
                if (gsrn is null)
                {
                    Issue(ImportIssueSeverity.Error, EnsField.Gsrn, Reason.Of("import.no-gsrn"));
                    continue;
                }
                if (!GsrnPattern().IsMatch(gsrn))
                {
                    Issue(ImportIssueSeverity.Error, EnsField.Gsrn, Reason.Of("import.not-gsrn", ("value", gsrn)));
                    continue;
                }
                DataRows++;
                if (ReadPlant(cells, gsrn) is { } plant)
                    plants.Add(plant);
            }
            if (blankFrom >= 0)
                Layout(blankFrom, Reason.Of("import.layout-blank", ("count", rows.Count + 1 - blankFrom), ("first", blankFrom)));
        }

        /// <summary>
        /// A row of the sheet's layout rather than a turbine: a repeated header, a total ("Sum af …", "I alt", "Total"), or a
        /// note, legend or footer — text and no turbine data (nothing in the capacity, height, diameter and coordinate columns).
        /// </summary>
        private Reason? LayoutRow(object?[] cells)
        {
            var recognised = EnsHeaderVocabulary.Required.Count(f => layout.Columns.TryGetValue(f, out var c) && c < cells.Length
                && EnsHeaderVocabulary.Recognise(CellText.Normalise(cells[c])) == f);
            if (recognised * 2 >= EnsHeaderVocabulary.Required.Length)
                return Reason.Of("import.layout-header");
            var first = CellText.Text(cells.FirstOrDefault(c => !CellText.IsBlank(c))) ?? "";
            if (IsSummaryRow(cells))
                return Reason.Of("import.layout-total", ("text", Shortened(first)));
            var gsrn = CellText.Text(Cell(cells, EnsField.Gsrn));
            var turbineData = EnsHeaderVocabulary.Required.Where(f => f != EnsField.Gsrn).Any(f => !CellText.IsBlank(Cell(cells, f)));
            if (!turbineData && (gsrn is null || !GsrnPattern().IsMatch(gsrn)) && cells.Where(c => !CellText.IsBlank(c)).All(c => c is string))
                return Reason.Of("import.layout-note", ("text", Shortened(first)));
            return null;
        }

        private static string Shortened(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

        /// <summary>Layout is reported so a reader can check it, and never counts as an error or a publisher error.</summary>
        private void Layout(int row, Reason why) => issues.Add(new ImportIssue(ImportIssueSeverity.Note, file, row, null, why, sheet));

        private Plant? ReadPlant(object?[] cells, string gsrn)
        {
            var errorsBefore = issues.Count(i => i.Severity == ImportIssueSeverity.Error);
            var missing = Missing(cells, EnsField.CapacityKw, "import.ens-capacity-missing") | Missing(cells, EnsField.HubHeightM, "import.ens-hub-missing") | Missing(cells, EnsField.RotorDiameterM, "import.ens-rotor-missing");
            var capacity = Number(cells, EnsField.CapacityKw, placeholderAtOrBelow: null);
            var rotor = Number(cells, EnsField.RotorDiameterM, PlaceholderMetres);
            var hub = Number(cells, EnsField.HubHeightM, PlaceholderMetres);
            var connected = Date(cells, EnsField.ConnectedOn);
            var decommissioned = Date(cells, EnsField.DecommissionedOn);
            var siting = ReadSiting(cells);
            var (municipalityCode, municipalityName) = ReadMunicipality(cells);
            var production = ReadProduction(cells);
            var position = ReadPosition(cells);
            var hadErrors = issues.Count(i => i.Severity == ImportIssueSeverity.Error) > errorsBefore;
            if (hadErrors || position is null || missing)
                return null;
            var park = CellText.Text(Cell(cells, EnsField.Park));

            return new Plant
            {
                Id = gsrn,
                Kind = PlantKind.WindTurbine,
                Status = status,
                Geometry = position,
                Origin = new RecordOrigin(sourceId, file, _row, sheet),
                CapacityKw = capacity,
                RotorDiameterM = rotor,
                HubHeightM = hub,
                ConnectedOn = connected,
                DecommissionedOn = decommissioned,
                Siting = siting,
                MunicipalityCode = municipalityCode,
                MunicipalityName = municipalityName,
                Manufacturer = TextOrUnknown(cells, EnsField.Manufacturer),
                Model = TextOrUnknown(cells, EnsField.Model),
                AnnualProductionKwh = production,
                ProjectId = park,
                ProjectBasis = park is null ? null : ProjectBasis.Register,
            };
        }

        /// <summary>A blank capacity or height: a publisher error (the register's own "unknown" is a placeholder, read as unknown).</summary>
        private bool Missing(object?[] cells, EnsField field, string code)
        {
            if (!layout.Columns.ContainsKey(field) || !CellText.IsBlank(Cell(cells, field)))
                return false;
            PublisherError(field, Reason.Of(code));
            return true;
        }

        private void PublisherError(EnsField field, Reason reason)
        {
            Issue(ImportIssueSeverity.Skipped, field, Reason.Of("import.publisher-error", ("reason", reason)));
            (Unusable.TryGetValue(_row, out var list) ? list : Unusable[_row] = []).Add($"{ColumnName(field)}: {reason.Text}");
        }

        private NetTopologySuite.Geometries.Point? ReadPosition(object?[] cells)
        {
            var eCell = Cell(cells, EnsField.Easting);
            var nCell = Cell(cells, EnsField.Northing);
            if (CellText.IsBlank(eCell) && CellText.IsBlank(nCell))
            {
                Issue(ImportIssueSeverity.Skipped, EnsField.Easting, Reason.Of("import.no-coordinates"));
                return null;
            }
            if (!CellText.TryNumber(eCell, out var e))
            {
                Issue(ImportIssueSeverity.Error, EnsField.Easting, Reason.Of("import.not-coordinate", ("value", CellText.Text(eCell) ?? "")));
                return null;
            }
            if (!CellText.TryNumber(nCell, out var n))
            {
                Issue(ImportIssueSeverity.Error, EnsField.Northing, Reason.Of("import.not-coordinate", ("value", CellText.Text(nCell) ?? "")));
                return null;
            }
            if (!DenmarkExtent.ContainsUtm32(e, n))
            {
                PublisherError(EnsField.Easting, DescribeBadPosition(e, n));
                return null;
            }
            return GeometryTransforms.Utm32Point(e, n);
        }

        /// <summary>What is wrong with coordinates outside Denmark, as far as the publisher's usual slips tell.</summary>
        private static Reason DescribeBadPosition(double e, double n)
        {
            var at = $"({e.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {n.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            if (Math.Abs(e) <= 1 && Math.Abs(n) <= 1)
                return Reason.Of("import.ens-placeholder-coordinates", ("at", at));
            if (DenmarkExtent.ContainsUtm32(n, e))
                return Reason.Of("import.ens-coordinates-swapped", ("at", at));
            if (DenmarkExtent.ContainsUtm32(e / 100, n / 100))
                return Reason.Of("import.ens-coordinates-scaled", ("at", at));
            return Reason.Of("import.ens-coordinates-outside", ("at", at), ("extent", DenmarkExtent.DescribeUtm32));
        }

        private Siting ReadSiting(object?[] cells)
        {
            var value = CellText.Normalise(Cell(cells, EnsField.LocationType));
            switch (value)
            {
                case "": return Siting.Unknown;
                case "land" or "onshore" or "on land": return Siting.Onshore;
                case "hav" or "sea" or "offshore" or "at sea": return Siting.Offshore;
                default:
                    Issue(ImportIssueSeverity.Error, EnsField.LocationType, Reason.Of("import.not-location-type", ("value", CellText.Text(Cell(cells, EnsField.LocationType)) ?? "")));
                    return Siting.Unknown;
            }
        }

        /// <summary>Municipality number and name; newer editions write the name column as "573 - Varde".</summary>
        private (int? Code, string? Name) ReadMunicipality(object?[] cells)
        {
            int? code = null;
            var codeCell = Cell(cells, EnsField.MunicipalityCode);
            if (!CellText.IsBlank(codeCell))
            {
                if (CellText.TryNumber(codeCell, out var c) && c == 0)
                    Issue(ImportIssueSeverity.Note, EnsField.MunicipalityCode, Reason.Of("import.municipality-zero"));
                else if (CellText.TryNumber(codeCell, out c) && c == Math.Floor(c) && c is > 0 and < 1000)
                    code = (int)c;
                else
                    Issue(ImportIssueSeverity.Error, EnsField.MunicipalityCode, Reason.Of("import.not-municipality", ("value", CellText.Text(codeCell) ?? "")));
            }
            var name = CellText.Text(Cell(cells, EnsField.MunicipalityName));
            if (name is not null && CodeAndName().Match(name) is { Success: true } m)
            {
                var embedded = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (code is not null && code != embedded)
                    Issue(ImportIssueSeverity.Error, EnsField.MunicipalityName, Reason.Of("import.municipality-contradicts", ("value", name), ("code", code.Value)));
                code ??= embedded;
                name = m.Groups[2].Value.Trim();
            }
            return (code, name);
        }

        private Dictionary<int, double> ReadProduction(object?[] cells)
        {
            var production = new Dictionary<int, double>();
            foreach (var (column, (year, month)) in layout.ProductionMonthColumns)
            {
                var value = column < cells.Length ? cells[column] : null;
                if (CellText.IsBlank(value))
                    continue;
                if (CellText.TryNumber(value, out var kwh))
                    production[year] = production.GetValueOrDefault(year) + kwh;
                else
                    issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, _row, $"production {year}-{month:00}", Reason.Of("import.not-production", ("value", CellText.Text(value) ?? "")), sheet));
            }
            foreach (var (column, year) in layout.ProductionYearColumns)
            {
                var value = column < cells.Length ? cells[column] : null;
                if (CellText.IsBlank(value))
                    continue;
                // Net figures: a year in which a turbine consumed more than it produced is negative, as published.
                if (CellText.TryNumber(value, out var kwh))
                    production[year] = kwh;
                else
                    issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, _row, $"production {year}", Reason.Of("import.not-production", ("value", CellText.Text(value) ?? "")), sheet));
            }
            return production;
        }

        private double? Number(object?[] cells, EnsField field, double? placeholderAtOrBelow)
        {
            if (!layout.Columns.ContainsKey(field))
                return null;
            var value = Cell(cells, field);
            if (CellText.IsBlank(value) || IsUnknownWord(value))
                return null;
            if (!CellText.TryNumber(value, out var number) || number < 0)
            {
                Issue(ImportIssueSeverity.Error, field, Reason.Of("import.not-non-negative", ("value", CellText.Text(value) ?? "")));
                return null;
            }
            if (placeholderAtOrBelow is { } placeholder && number <= placeholder)
            {
                Issue(ImportIssueSeverity.Note, field, Reason.Of("import.placeholder-unknown", ("value", number)));
                return null;
            }
            return number;
        }

        private DateOnly? Date(object?[] cells, EnsField field)
        {
            if (!layout.Columns.ContainsKey(field))
                return null;
            var value = Cell(cells, field);
            if (CellText.IsBlank(value) || IsUnknownWord(value))
                return null;
            if (CellText.TryDate(value, out var date))
                return date;
            Issue(ImportIssueSeverity.Error, field, Reason.Of("import.not-date", ("value", CellText.Text(value) ?? "")));
            return null;
        }

        private string? TextOrUnknown(object?[] cells, EnsField field)
        {
            var value = Cell(cells, field);
            return IsUnknownWord(value) ? null : CellText.Text(value);
        }

        private static bool IsUnknownWord(object? value) => value is string s && UnknownWords.Contains(CellText.Normalise(s));

        /// <summary>Totals at the foot of a sheet: "Sum af ikke-afmeldte anlæg …", "I alt", "Total".</summary>
        private static bool IsSummaryRow(object?[] cells)
        {
            var first = CellText.Normalise(cells.FirstOrDefault(c => !CellText.IsBlank(c)));
            return first.StartsWith("sum ") || first.StartsWith("sum af") || first == "i alt" || first.StartsWith("total");
        }

        private object? Cell(object?[] cells, EnsField field) =>
            layout.Columns.TryGetValue(field, out var c) && c < cells.Length ? cells[c] : null;

        private void Issue(ImportIssueSeverity severity, EnsField field, Reason reason) =>
            issues.Add(new ImportIssue(severity, file, _row, ColumnName(field), reason, sheet));

        private string ColumnName(EnsField field) =>
            layout.Columns.TryGetValue(field, out var c) && layout.Headings[c] is { Length: > 0 } heading
                ? $"{ExcelColumn(c)} ({heading.ReplaceLineEndings(" ")})"
                : field.ToString();

        private static string ExcelColumn(int index)
        {
            var name = "";
            for (index++; index > 0; index = (index - 1) / 26)
                name = (char)('A' + (index - 1) % 26) + name;
            return name;
        }

        [GeneratedRegex(@"^\d{18}$")]
        private static partial Regex GsrnPattern();

        [GeneratedRegex(@"^\s*(\d{1,3})\s*[-–]\s*(.+)$")]
        private static partial Regex CodeAndName();
    }
}
