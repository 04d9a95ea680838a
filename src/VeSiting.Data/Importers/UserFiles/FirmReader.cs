using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.GeoJson;
using VeSiting.Data.Importers.GeoPackage;

namespace VeSiting.Data.Importers.UserFiles;

/// <summary>
/// A user's firms layer: each firm's <c>id</c>, <c>name</c>, <c>annual_kwh</c> (a positive number) and optional <c>cvr</c>
/// (eight digits), at a point: CSV with <c>e</c>,<c>n</c> (EPSG:25832) or <c>lon</c>,<c>lat</c> (WGS 84), or GeoJSON or
/// GeoPackage (its first feature table) points with those properties. A missing or bad value, a repeated id, or a point
/// outside Denmark is an error naming file, row (feature) and column (property).
/// </summary>
public sealed class FirmReader
{
    public const string IdColumn = "id", NameColumn = "name", KwhColumn = "annual_kwh", CvrColumn = "cvr";

    public ImportResult<Firm> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var issues = new List<ImportIssue>();
        var rows = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CsvRows(path, file, sourceId, issues)
            : path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) ? GeoPackageFeatures.Read(path, file, sourceId).Select(f => Located(f.Number, f.Geometry, f.Properties, file, issues)).ToList()
            : GeoJsonFeatureReader.Read(path, sourceId).Select(f => Located(f.Number, f.Geometry, Properties(f), file, issues)).ToList();
        var firms = new List<Firm>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, position, properties) in rows)
        {
            string? Required(string column)
            {
                var value = properties.GetValueOrDefault(column)?.Trim();
                if (string.IsNullOrEmpty(value))
                    issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, column, Reason.Of("import.missing")));
                return string.IsNullOrEmpty(value) ? null : value;
            }
            var id = Required(IdColumn);
            var name = Required(NameColumn);
            var kwh = Kwh(Required(KwhColumn), file, row, issues);
            var cvr = Cvr(properties.GetValueOrDefault(CvrColumn)?.Trim(), file, row, issues);
            if (id is not null && seen.TryGetValue(id, out var first))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, IdColumn, Reason.Of("import.id-twice", ("id", id), ("first", first))));
                continue;
            }
            if (id is null || name is null || kwh is null || cvr is { Valid: false } || position is null)
                continue;
            seen[id] = row;
            firms.Add(new Firm { Id = id, Name = name, Cvr = cvr?.Digits, AnnualKwh = kwh.Value, Position = position, Origin = new RecordOrigin(sourceId, file, row) });
        }
        // File-level notes first, then by row (the coordinates were checked while the rows were read).
        return new ImportResult<Firm>(firms, [.. issues.OrderBy(i => i.Row ?? 0)]);
    }

    private static double? Kwh(string? text, string file, int row, List<ImportIssue> issues)
    {
        if (text is null)
            return null;
        if (CellText.TryNumber(text, out var kwh) && double.IsFinite(kwh) && kwh > 0)
            return kwh;
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, KwhColumn, Reason.Of("import.not-kwh", ("value", text))));
        return null;
    }

    /// <summary>A CVR number: eight digits (spaces and a leading "DK" allowed, as it is often written); blank is none.</summary>
    private static (bool Valid, string? Digits)? Cvr(string? text, string file, int row, List<ImportIssue> issues)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        if (digits.StartsWith("DK", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit))
            return (true, digits);
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, CvrColumn, Reason.Of("import.not-cvr", ("value", text))));
        return (false, null);
    }

    private static List<(int Row, Point? Position, Dictionary<string, string?> Properties)> CsvRows(string path, string file, string sourceId, List<ImportIssue> issues)
    {
        var table = CsvTable.Read(path, sourceId, IdColumn, NameColumn, KwhColumn);
        issues.AddRange(table.FileIssues);
        var utm = table.Has("e") && table.Has("n");
        if (!utm && !(table.Has("lon") && table.Has("lat")))
            throw new ImportFailedException(sourceId, file, $"needs columns e,n (EPSG:25832) or lon,lat (WGS 84); the header has {string.Join(", ", table.Header)}");
        var rows = new List<(int, Point?, Dictionary<string, string?>)>();
        foreach (var (row, cells) in table.Rows)
        {
            var properties = new[] { IdColumn, NameColumn, KwhColumn, CvrColumn }.ToDictionary(c => c, c => table.Get(cells, c), StringComparer.Ordinal);
            var x = table.RequiredNumber(cells, row, utm ? "e" : "lon", issues);
            var y = table.RequiredNumber(cells, row, utm ? "n" : "lat", issues);
            Point? position = null;
            if (x is not null && y is not null)
            {
                var (e, n) = utm ? (x.Value, y.Value) : CoordinateTransformer.Instance.ToUtm32(x.Value, y.Value);
                if (DenmarkExtent.ContainsUtm32(e, n))
                    position = GeometryTransforms.Utm32Point(e, n);
                else
                    issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, utm ? "e" : "lon",
                        Reason.Of("import.point-outside-extent", ("x", x.Value.ToString(CultureInfo.InvariantCulture)), ("y", y.Value.ToString(CultureInfo.InvariantCulture)),
                            ("extent", utm ? DenmarkExtent.DescribeUtm32 : DenmarkExtent.DescribeLonLat))));
            }
            rows.Add((row, position, properties));
        }
        return rows;
    }

    /// <summary>A GeoJSON or GeoPackage feature: its point checked to lie in Denmark (an error naming the feature otherwise).</summary>
    private static (int, Point?, Dictionary<string, string?>) Located(int number, Geometry? geometry, Dictionary<string, string?> properties, string file, List<ImportIssue> issues)
    {
        if (geometry is not Point { IsEmpty: false } point)
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", Reason.Of("import.expected-point", ("got", ImportWords.GeometryOf(geometry)))));
            return (number, null, properties);
        }
        if (!DenmarkExtent.ContainsUtm32(point.X, point.Y))
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", Reason.Of("import.position-outside-extent", ("extent", DenmarkExtent.DescribeUtm32))));
            return (number, null, properties);
        }
        return (number, GeometryTransforms.Utm32Point(point.X, point.Y), properties);
    }

    private static Dictionary<string, string?> Properties(GeoJsonFeature f) =>
        f.Properties.GetNames().ToDictionary(n => n.ToLowerInvariant(), f.Text, StringComparer.Ordinal);
}
