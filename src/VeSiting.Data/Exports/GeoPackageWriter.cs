using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Spatial;

namespace VeSiting.Data.Exports;

/// <summary>One feature table of a GeoPackage: name, geometry type, attribute columns and rows (geometry in EPSG:25832).</summary>
public sealed record GeoPackageLayer(string Table, string Description, string GeometryType, IReadOnlyList<(string Name, string SqlType)> Columns, IReadOnlyList<(Geometry Geometry, object?[] Values)> Rows);

/// <summary>
/// Writes OGC GeoPackage 1.2 files (SQLite) that QGIS opens directly: the required metadata tables, EPSG:25832
/// with its WKT definition, and one feature table per layer with GeoPackage binary geometries.
/// </summary>
public static class GeoPackageWriter
{
    private const int ApplicationId = 0x47504B47; // "GPKG"
    private const int UserVersion = 10200;        // 1.2.0

    public static byte[] Write(IReadOnlyList<GeoPackageLayer> layers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-{Guid.NewGuid():N}.gpkg");
        try
        {
            WriteFile(path, layers);
            return File.ReadAllBytes(path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    public static void WriteFile(string path, IReadOnlyList<GeoPackageLayer> layers)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};");
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
                last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            """);
        Insert(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $def, $desc)",
            ("$name", "Undefined cartesian SRS"), ("$id", -1), ("$org", "NONE"), ("$orgId", -1), ("$def", "undefined"), ("$desc", null));
        Insert(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $def, $desc)",
            ("$name", "Undefined geographic SRS"), ("$id", 0), ("$org", "NONE"), ("$orgId", 0), ("$def", "undefined"), ("$desc", null));
        Insert(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $def, $desc)",
            ("$name", "WGS 84 geodetic"), ("$id", 4326), ("$org", "EPSG"), ("$orgId", 4326), ("$def", CrsWkt.Wgs84), ("$desc", null));
        Insert(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $def, $desc)",
            ("$name", "ETRS89 / UTM zone 32N"), ("$id", Epsg.Utm32), ("$org", "EPSG"), ("$orgId", Epsg.Utm32), ("$def", CrsWkt.Utm32), ("$desc", null));

        var writer = new GeoPackageGeoWriter();
        foreach (var layer in layers)
        {
            var columns = string.Concat(layer.Columns.Select(c => $", \"{c.Name}\" {c.SqlType}"));
            Execute(connection, $"CREATE TABLE \"{layer.Table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {layer.GeometryType}{columns})");
            var insert = $"INSERT INTO \"{layer.Table}\" (geom{string.Concat(layer.Columns.Select(c => $", \"{c.Name}\""))}) VALUES ($geom{string.Concat(layer.Columns.Select((_, i) => $", $p{i}"))})";
            var extent = new Envelope();
            foreach (var (geometry, values) in layer.Rows)
            {
                extent.ExpandToInclude(geometry.EnvelopeInternal);
                var parameters = new List<(string, object?)> { ("$geom", writer.Write(geometry)) };
                parameters.AddRange(values.Select((v, i) => ($"$p{i}", v)));
                Insert(connection, insert, [.. parameters]);
            }
            Insert(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, $srs)",
                ("$t", layer.Table), ("$d", layer.Description), ("$x0", extent.IsNull ? null : extent.MinX), ("$y0", extent.IsNull ? null : extent.MinY),
                ("$x1", extent.IsNull ? null : extent.MaxX), ("$y1", extent.IsNull ? null : extent.MaxY), ("$srs", Epsg.Utm32));
            Insert(connection, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srs, 0, 0)",
                ("$t", layer.Table), ("$type", layer.GeometryType), ("$srs", Epsg.Utm32));
        }
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
