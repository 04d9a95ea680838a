using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;
using VeSiting.Data.Importers.GeoJson;
using VeSiting.Data.Importers.GeoPackage;

namespace VeSiting.Data.Importers.UserFiles;

/// <summary>
/// A user's noise-sensitive areas layer: polygons from GeoJSON or GeoPackage (its first feature table) with a property naming
/// the use category, <c>category</c> (or Plandata.dk's <c>anvendelsegenerel</c>); optional <c>id</c> and <c>name</c> (or
/// <c>plannavn</c>). Which categories count as noise-sensitive: <see cref="NoiseAreaCategory"/>. A feature without polygon
/// geometry or category, or outside Denmark, is an error naming the feature and property.
/// </summary>
public sealed class NoiseAreaReader
{
    public static IReadOnlyList<string> CategoryProperties { get; } = ["category", "anvendelsegenerel"];
    public static IReadOnlyList<string> NameProperties { get; } = ["name", "plannavn"];

    public ImportResult<NoiseAreaPolygon> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var features = path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) ? GeoPackageFeatures.Read(path, file, sourceId)
            : GeoJsonFeatureReader.Read(path, sourceId).Select(f => (f.Number, f.Geometry, Properties(f))).ToList();
        var issues = new List<ImportIssue>();
        var areas = new List<NoiseAreaPolygon>();
        foreach (var (number, geometry, properties) in features)
        {
            if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", Reason.Of("import.expected-polygon", ("got", ImportWords.GeometryOf(geometry)))));
                continue;
            }
            var centre = geometry.EnvelopeInternal.Centre;
            if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", Reason.Of("import.outside-extent", ("extent", DenmarkExtent.DescribeUtm32))));
                continue;
            }
            var category = CategoryProperties.Select(properties.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (category is null)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, CategoryProperties[0],
                    Reason.Of("import.no-use-category", ("properties", ImportWords.Or(CategoryProperties)))));
                continue;
            }
            var polygonal = geometry.IsValid ? geometry : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(geometry);
            var name = NameProperties.Select(properties.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            var id = properties.GetValueOrDefault("id") is { Length: > 0 } given ? given : $"{file}#{number}";
            areas.Add(new NoiseAreaPolygon(id, category.Trim(), NoiseAreaCategory.KindOf(category), name?.Trim(),
                GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(polygonal), new RecordOrigin(sourceId, file, number)));
        }
        return new ImportResult<NoiseAreaPolygon>(areas, issues);
    }

    private static Dictionary<string, string?> Properties(GeoJsonFeature f) =>
        f.Properties.GetNames().ToDictionary(n => n.ToLowerInvariant(), f.Text, StringComparer.Ordinal);
}
