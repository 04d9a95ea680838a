using System.Text.RegularExpressions;
using VeSiting.Core.Explanations;
using VeSiting.Core.Suitability;
using VeSiting.Data.Importers;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Suitability;

/// <summary>
/// A user's point layer (schools, institutions, candidate parcels) from GeoJSON (points or polygons, whose
/// centroids are taken) or CSV (<c>lon</c>,<c>lat</c> or <c>e</c>,<c>n</c> in EPSG:25832, optional <c>id</c>);
/// and regional figures from CSV (<c>region_code</c>, <c>value</c>). Errors name the file, row and column.
/// </summary>
public static partial class UserLayerReader
{
    public static IReadOnlyList<UserPoint> ReadPoints(string path)
    {
        var file = Path.GetFileName(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return ReadCsvPoints(path, file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ImportFailedException("user-layer", file, $"not readable JSON at {JsonSyntax.Describe(e)}", e);
        }
        using (document)
            return ReadGeoJson(document.RootElement, file);
    }

    public static IReadOnlyList<UserPoint> ReadGeoJson(JsonElement root, string file)
    {
        var issues = new List<ImportIssue>();
        var points = new List<UserPoint>();
        foreach (var f in GeoJsonFeatureReader.Read(root, file, "user-layer"))
        {
            if (f.Geometry is null || f.Geometry.IsEmpty)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, f.Number, "geometry", Reason.Of("import.no-geometry")));
                continue;
            }
            var centre = f.Geometry.Centroid;
            if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, f.Number, "geometry", Reason.Of("import.outside-extent", ("extent", DenmarkExtent.DescribeUtm32))));
                continue;
            }
            points.Add(new UserPoint(f.Text("id") ?? f.Text("name") ?? $"{file}#{f.Number}", GeometryTransforms.Utm32Point(centre.X, centre.Y), f.Geometry,
                f.Numeric("tonnes_per_year") ?? f.Numeric("value")));
        }
        return issues.Count > 0 ? throw new ImportFailedException("user-layer", issues) : points;
    }

    private static List<UserPoint> ReadCsvPoints(string path, string file)
    {
        var table = CsvTable.Read(path, "user-layer");
        var utm = table.Has("e") && table.Has("n");
        if (!utm && !(table.Has("lon") && table.Has("lat")))
            throw new ImportFailedException("user-layer", file, $"needs columns lon,lat (WGS 84) or e,n (EPSG:25832); the header has {string.Join(", ", table.Header)}");
        var issues = new List<ImportIssue>();
        var points = new List<UserPoint>();
        foreach (var (row, cells) in table.Rows)
        {
            var x = table.RequiredNumber(cells, row, utm ? "e" : "lon", issues);
            var y = table.RequiredNumber(cells, row, utm ? "n" : "lat", issues);
            if (x is null || y is null)
                continue;
            var (e, n) = utm ? (x.Value, y.Value) : CoordinateTransformer.Instance.ToUtm32(x.Value, y.Value);
            if (!DenmarkExtent.ContainsUtm32(e, n))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, utm ? "e" : "lon", Reason.Of("import.point-outside-denmark", ("x", x.Value.ToString(CultureInfo.InvariantCulture)), ("y", y.Value.ToString(CultureInfo.InvariantCulture)))));
                continue;
            }
            var point = GeometryTransforms.Utm32Point(e, n);
            var value = table.Has("tonnes_per_year") ? table.OptionalNumber(cells, row, "tonnes_per_year", issues) : table.Has("value") ? table.OptionalNumber(cells, row, "value", issues) : null;
            points.Add(new UserPoint(table.Get(cells, "id") ?? $"{file}#{row}", point, point, value));
        }
        return issues.Count > 0 ? throw new ImportFailedException("user-layer", issues) : points;
    }

    /// <summary>
    /// Figures by area from CSV: <c>region_code,value</c> ("1084,31.5"), <c>landsdel_code,value</c> (Danmarks Statistik's
    /// landsdele by NUTS 3 code, "DK032,18.2") and/or <c>municipality_code,value</c> ("101,12.0"; written as DAGI writes it,
    /// "0101"); one code per row. A site takes its municipality's figure where there is one, else its landsdel's, else its
    /// region's, unless the profile names one level.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ReadRegionalFigures(string path)
    {
        var table = CsvTable.Read(path, "regional-figures", "value");
        var file = Path.GetFileName(path);
        if (!table.Has("region_code") && !table.Has("municipality_code") && !table.Has("landsdel_code"))
            throw new ImportFailedException("regional-figures", file, $"needs a column region_code, landsdel_code or municipality_code (and value); the header has {string.Join(", ", table.Header)}");
        var issues = new List<ImportIssue>();
        var figures = new Dictionary<string, double>();
        foreach (var (row, cells) in table.Rows)
        {
            var value = table.RequiredNumber(cells, row, "value", issues);
            var given = new[] { "municipality_code", "landsdel_code", "region_code" }.Select(column => (Column: column, Text: table.Get(cells, column)))
                .Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
            if (given.Count != 1)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, given.Count == 0 ? "region_code" : given[1].Column,
                    given.Count == 0 ? Reason.Of("import.no-area-code") : Reason.Of("import.one-area-code", ("columns", ImportWords.Joined("general.and-word", given.Select(x => x.Column))))));
                continue;
            }
            var (column, text) = (given[0].Column, given[0].Text!.Trim());
            var code = column switch
            {
                "municipality_code" => int.TryParse(text, out var m) && m is > 0 and < 1000 ? m.ToString("0000", CultureInfo.InvariantCulture) : null,
                "landsdel_code" => LandsdelCode().IsMatch(text) ? text.ToUpperInvariant() : null,
                _ => text,
            };
            if (code is null)
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, column, column == "municipality_code"
                    ? Reason.Of("import.not-municipality-code-range", ("value", text)) : Reason.Of("import.not-landsdel-code", ("value", text))));
            else if (value is not null)
                figures[code] = value.Value;
        }
        return issues.Count > 0 ? throw new ImportFailedException("regional-figures", issues) : figures;
    }

    [GeneratedRegex("^DK0[1-5][0-9]$", RegexOptions.IgnoreCase)]
    private static partial Regex LandsdelCode();
}

/// <summary>A feature of a user's layer: its id, its point (a polygon's centroid), its geometry, and its value if it has one (tonnes_per_year, else value).</summary>
public sealed record UserPoint(string Id, Point Point, Geometry Geometry, double? Value)
{
    /// <summary>As a siting layer's feature: polygons keep their shape (for farmland), everything its point and value.</summary>
    public LayerPoint ToLayerPoint() => new(Point, Value, Geometry is Polygon or MultiPolygon ? Geometry : null);
}
