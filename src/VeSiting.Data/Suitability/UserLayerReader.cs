using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using VeSiting.Core.Importing;
using VeSiting.Core.Spatial;
using VeSiting.Data.Importers;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Suitability;

/// <summary>
/// A user's point layer (schools, institutions, candidate parcels) from GeoJSON (points or polygons, whose
/// centroids are taken) or CSV (<c>lon</c>,<c>lat</c> or <c>e</c>,<c>n</c> in EPSG:25832, optional <c>id</c>);
/// and regional figures from CSV (<c>region_code</c>, <c>value</c>). Errors name the file, row and column.
/// </summary>
public static class UserLayerReader
{
    public static IReadOnlyList<(string Id, Point Point, Geometry Geometry)> ReadPoints(string path)
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
            throw new ImportFailedException("user-layer", file, $"not readable JSON: {e.Message}", e);
        }
        using (document)
            return ReadGeoJson(document.RootElement, file);
    }

    public static IReadOnlyList<(string Id, Point Point, Geometry Geometry)> ReadGeoJson(JsonElement root, string file)
    {
        var issues = new List<ImportIssue>();
        var points = new List<(string, Point, Geometry)>();
        foreach (var f in GeoJsonFeatureReader.Read(root, file, "user-layer"))
        {
            if (f.Geometry is null || f.Geometry.IsEmpty)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, f.Number, "geometry", "feature has no geometry"));
                continue;
            }
            var centre = f.Geometry.Centroid;
            if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, f.Number, "geometry", $"lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
                continue;
            }
            points.Add((f.Text("id") ?? f.Text("name") ?? $"{file}#{f.Number}", GeometryTransforms.Utm32Point(centre.X, centre.Y), f.Geometry));
        }
        return issues.Count > 0 ? throw new ImportFailedException("user-layer", issues) : points;
    }

    private static List<(string, Point, Geometry)> ReadCsvPoints(string path, string file)
    {
        var table = CsvTable.Read(path, "user-layer");
        var utm = table.Has("e") && table.Has("n");
        if (!utm && !(table.Has("lon") && table.Has("lat")))
            throw new ImportFailedException("user-layer", file, $"needs columns lon,lat (WGS 84) or e,n (EPSG:25832); the header has {string.Join(", ", table.Header)}");
        var issues = new List<ImportIssue>();
        var points = new List<(string, Point, Geometry)>();
        foreach (var (row, cells) in table.Rows)
        {
            var x = table.RequiredNumber(cells, row, utm ? "e" : "lon", issues);
            var y = table.RequiredNumber(cells, row, utm ? "n" : "lat", issues);
            if (x is null || y is null)
                continue;
            var (e, n) = utm ? (x.Value, y.Value) : CoordinateTransformer.Instance.ToUtm32(x.Value, y.Value);
            if (!DenmarkExtent.ContainsUtm32(e, n))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, row, utm ? "e" : "lon", $"({x.Value.ToString(CultureInfo.InvariantCulture)}, {y.Value.ToString(CultureInfo.InvariantCulture)}) lies outside Denmark"));
                continue;
            }
            var point = GeometryTransforms.Utm32Point(e, n);
            points.Add((table.Get(cells, "id") ?? $"{file}#{row}", point, point));
        }
        return issues.Count > 0 ? throw new ImportFailedException("user-layer", issues) : points;
    }

    /// <summary>Figures by region code from CSV <c>region_code,value</c> ("1084,31.5").</summary>
    public static IReadOnlyDictionary<string, double> ReadRegionalFigures(string path)
    {
        var table = CsvTable.Read(path, "regional-figures", "region_code", "value");
        var issues = new List<ImportIssue>();
        var figures = new Dictionary<string, double>();
        foreach (var (row, cells) in table.Rows)
        {
            var code = table.Required(cells, row, "region_code", issues);
            var value = table.RequiredNumber(cells, row, "value", issues);
            if (code is not null && value is not null)
                figures[code] = value.Value;
        }
        return issues.Count > 0 ? throw new ImportFailedException("regional-figures", issues) : figures;
    }
}
