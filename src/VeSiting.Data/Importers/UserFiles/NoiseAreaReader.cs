using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Core.Noise;
using VeSiting.Core.Spatial;
using VeSiting.Data.Importers.GeoJson;

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
        var features = path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) ? ReadGeoPackage(path, file, sourceId)
            : GeoJsonFeatureReader.Read(path, sourceId).Select(f => (f.Number, f.Geometry, Properties(f))).ToList();
        var issues = new List<ImportIssue>();
        var areas = new List<NoiseAreaPolygon>();
        foreach (var (number, geometry, properties) in features)
        {
            if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", $"expected a Polygon or MultiPolygon, got {geometry?.GeometryType ?? "no geometry"}"));
                continue;
            }
            var centre = geometry.EnvelopeInternal.Centre;
            if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, "geometry", $"lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
                continue;
            }
            var category = CategoryProperties.Select(properties.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (category is null)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, CategoryProperties[0],
                    $"no use category (property {string.Join(" or ", CategoryProperties)}), e.g. bolig, sommerhus, institution, kolonihave, rekreativ, erhverv"));
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

    /// <summary>The first feature table of a GeoPackage: its features numbered from 1 in rowid order, geometry in EPSG:25832.</summary>
    private static List<(int Number, Geometry? Geometry, Dictionary<string, string?> Properties)> ReadGeoPackage(string path, string file, string sourceId)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            string table, column;
            int srs;
            using (var meta = connection.CreateCommand())
            {
                meta.CommandText = """
                    SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
                    WHERE c.data_type = 'features' ORDER BY c.table_name LIMIT 1
                    """;
                using var reader = meta.ExecuteReader();
                if (!reader.Read())
                    throw new ImportFailedException(sourceId, file, "the GeoPackage has no feature table");
                (table, column, srs) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
            }
            if (srs != Epsg.Utm32 && !CoordinateTransformer.IsSupported(srs))
                throw new ImportFailedException(sourceId, file, $"unsupported srs_id {srs} in table {table} (supported: 4326, 25832, 25833, 3857)");
            var features = new List<(int, Geometry?, Dictionary<string, string?>)>();
            var geoReader = new GeoPackageGeoReader();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\" ORDER BY rowid";
            using var rows = command.ExecuteReader();
            var number = 0;
            while (rows.Read())
            {
                number++;
                Geometry? geometry = null;
                var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var name = rows.GetName(i);
                    if (name.Equals(column, StringComparison.OrdinalIgnoreCase))
                    {
                        if (!rows.IsDBNull(i))
                        {
                            var read = geoReader.Read((byte[])rows.GetValue(i));
                            geometry = srs == Epsg.Utm32 ? GeometryTransforms.Flatten(read, Epsg.Utm32) : GeometryTransforms.Transform(read, srs, Epsg.Utm32);
                        }
                        continue;
                    }
                    properties[name.ToLowerInvariant()] = rows.IsDBNull(i) ? null : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }
                features.Add((number, geometry, properties));
            }
            return features;
        }
        catch (SqliteException e)
        {
            throw new ImportFailedException(sourceId, file, $"not a readable GeoPackage: {e.Message}", e);
        }
    }
}
