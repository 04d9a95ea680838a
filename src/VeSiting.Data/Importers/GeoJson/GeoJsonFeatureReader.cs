using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.GeoJson;

/// <summary>
/// Reads a GeoJSON FeatureCollection, honours its (pre-RFC 7946) <c>crs</c> member — CRS84/EPSG:4326 or
/// EPSG:25832/25833 — and returns every feature with its geometry in EPSG:25832, Z dropped.
/// A file that is not a FeatureCollection, or names a CRS we do not know, is an error.
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IReadOnlyList<GeoJsonFeature> Read(string path, string sourceId)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException(sourceId, Path.GetFileName(path), $"not readable JSON: {e.Message}", e);
        }
        using (document)
            return Read(document.RootElement, Path.GetFileName(path), sourceId);
    }

    public static IReadOnlyList<GeoJsonFeature> Read(JsonElement root, string file, string sourceId)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
            throw new ImportFailedException(sourceId, file, "not a GeoJSON FeatureCollection");
        var epsg = CrsOf(root, file, sourceId);

        FeatureCollection? collection;
        try
        {
            collection = root.Deserialize<FeatureCollection>(Options);
        }
        catch (JsonException e)
        {
            throw new ImportFailedException(sourceId, file, $"malformed GeoJSON at {JsonSyntax.Describe(e)}", e);
        }
        var features = new List<GeoJsonFeature>(collection?.Count ?? 0);
        var number = 0;
        foreach (var feature in collection ?? [])
        {
            number++;
            var geometry = feature.Geometry is null ? null
                : epsg == Epsg.Utm32 ? GeometryTransforms.Flatten(feature.Geometry, Epsg.Utm32)
                : GeometryTransforms.Transform(feature.Geometry, epsg, Epsg.Utm32);
            features.Add(new GeoJsonFeature(number, geometry, feature.Attributes ?? new AttributesTable()));
        }
        return features;
    }

    /// <summary>Reads the legacy <c>crs</c> member; RFC 7946 files without one are CRS84.</summary>
    private static int CrsOf(JsonElement root, string file, string sourceId)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("properties", out var props) || !props.TryGetProperty("name", out var nameElement))
            return Epsg.Wgs84;
        var name = nameElement.GetString() ?? "";
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
            return Epsg.Wgs84;
        var digits = new string(name.Reverse().TakeWhile(char.IsDigit).Reverse().ToArray());
        if (int.TryParse(digits, out var code) && CoordinateTransformer.IsSupported(code))
            return code;
        throw new ImportFailedException(sourceId, file, $"unsupported crs '{name}' (supported: CRS84, EPSG:4326, 25832, 25833, 3857)");
    }

    /// <summary>A point's position, checked to lie in Denmark; null with an error issue otherwise.</summary>
    public static Point? PointInDenmark(GeoJsonFeature feature, string file, List<ImportIssue> issues)
    {
        if (feature.Geometry is not Point point)
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "geometry", Reason.Of("import.expected-point", ("got", ImportWords.GeometryOf(feature.Geometry)))));
            return null;
        }
        if (!DenmarkExtent.ContainsUtm32(point.X, point.Y))
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "geometry", Reason.Of("import.position-outside-extent", ("extent", DenmarkExtent.DescribeUtm32))));
            return null;
        }
        return point;
    }
}
