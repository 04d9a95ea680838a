using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace VeSiting.Data.Importers.GeoPackage;

/// <summary>A user's GeoPackage layer read as numbered features with text properties (the noise-sensitive areas and firms layers).</summary>
internal static class GeoPackageFeatures
{
    /// <summary>The first feature table of a GeoPackage: its features numbered from 1 in rowid order, geometry in EPSG:25832.</summary>
    public static List<(int Number, Geometry? Geometry, Dictionary<string, string?> Properties)> Read(string path, string file, string sourceId)
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
