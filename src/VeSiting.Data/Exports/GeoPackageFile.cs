using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace VeSiting.Data.Exports;

/// <summary>
/// An OGC GeoPackage 1.2 file (SQLite) being written: the required metadata tables and EPSG:25832 with its WKT
/// definition, then feature tables filled row by row, so millions of rows go to disk without being held in memory.
/// Nothing is visible until <see cref="Commit"/>: a failure leaves no half-written tables behind.
/// </summary>
public sealed class GeoPackageFile : IDisposable
{
    private const int ApplicationId = 0x47504B47; // "GPKG"
    private const int UserVersion = 10200;        // 1.2.0
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private GeoPackageFile(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _connection.Open();
        _transaction = _connection.BeginTransaction();
    }

    public static GeoPackageFile Create(string path)
    {
        var file = new GeoPackageFile(path);
        file.Execute($"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};");
        file.Execute("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
                last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            """);
        const string srs = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $orgId, $def, $desc)";
        file.Insert(srs, ("$name", "Undefined cartesian SRS"), ("$id", -1), ("$org", "NONE"), ("$orgId", -1), ("$def", "undefined"), ("$desc", null));
        file.Insert(srs, ("$name", "Undefined geographic SRS"), ("$id", 0), ("$org", "NONE"), ("$orgId", 0), ("$def", "undefined"), ("$desc", null));
        file.Insert(srs, ("$name", "WGS 84 geodetic"), ("$id", 4326), ("$org", "EPSG"), ("$orgId", 4326), ("$def", CrsWkt.Wgs84), ("$desc", null));
        file.Insert(srs, ("$name", "ETRS89 / UTM zone 32N"), ("$id", Epsg.Utm32), ("$org", "EPSG"), ("$orgId", Epsg.Utm32), ("$def", CrsWkt.Utm32), ("$desc", null));
        return file;
    }

    /// <summary>Starts a feature table (geometry in EPSG:25832); call <see cref="Table.Finish"/> when its rows are in.</summary>
    public Table AddTable(string name, string description, string geometryType, IReadOnlyList<(string Name, string SqlType)> columns)
    {
        Execute($"CREATE TABLE \"{name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {geometryType}{string.Concat(columns.Select(c => $", \"{c.Name}\" {c.SqlType}"))})");
        return new Table(this, name, description, geometryType, columns.Count,
            $"INSERT INTO \"{name}\" (geom{string.Concat(columns.Select(c => $", \"{c.Name}\""))}) VALUES ($geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})");
    }

    /// <summary>Starts an attributes table (no geometry, GeoPackage data type <c>attributes</c>): rows go in with a null geometry.</summary>
    public Table AddAttributeTable(string name, string description, IReadOnlyList<(string Name, string SqlType)> columns)
    {
        Execute($"CREATE TABLE \"{name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT{string.Concat(columns.Select(c => $", \"{c.Name}\" {c.SqlType}"))})");
        return new Table(this, name, description, null, columns.Count,
            $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})");
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Insert(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>One feature table: rows go in through one prepared statement; the extent is kept as they pass.</summary>
    public sealed class Table
    {
        private readonly GeoPackageFile _file;
        private readonly string _name;
        private readonly string _description;
        private readonly string? _geometryType;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter? _geometry;
        private readonly SqliteParameter[] _values;
        // x and y only, as the tables declare (z = 0, m = 0): unset z and m would otherwise be written as NaN.
        private readonly GeoPackageGeoWriter _writer = new() { HandleOrdinates = Ordinates.XY };
        private readonly Envelope _extent = new();

        internal Table(GeoPackageFile file, string name, string description, string? geometryType, int columns, string insertSql)
        {
            (_file, _name, _description, _geometryType) = (file, name, description, geometryType);
            _insert = file._connection.CreateCommand();
            _insert.CommandText = insertSql;
            _geometry = geometryType is null ? null : _insert.Parameters.Add("$geom", SqliteType.Blob);
            _values = Enumerable.Range(0, columns).Select(i => _insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
            _insert.Prepare();
        }

        public long Rows { get; private set; }

        /// <summary>One row; <paramref name="geometry"/> is ignored (give null) in an attributes table.</summary>
        public void Add(Geometry? geometry, params object?[] values)
        {
            if (_geometry is not null)
            {
                var shape = geometry ?? throw new ArgumentNullException(nameof(geometry), $"table {_name} is a feature table: every row needs a geometry");
                _extent.ExpandToInclude(shape.EnvelopeInternal);
                _geometry.Value = _writer.Write(shape);
            }
            for (var i = 0; i < _values.Length; i++)
            {
                var value = values[i] ?? DBNull.Value;
                _values[i].SqliteType = value switch { double or float => SqliteType.Real, int or long or bool => SqliteType.Integer, _ => SqliteType.Text };
                _values[i].Value = value;
            }
            _insert.ExecuteNonQuery();
            Rows++;
        }

        /// <summary>Registers the table in gpkg_contents (with its extent) and gpkg_geometry_columns.</summary>
        public void Finish()
        {
            _insert.Dispose();
            if (_geometryType is null)
            {
                _file.Insert("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ($t, 'attributes', $t, $d)", ("$t", _name), ("$d", _description));
                return;
            }
            _file.Insert("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, $srs)",
                ("$t", _name), ("$d", _description), ("$x0", _extent.IsNull ? null : _extent.MinX), ("$y0", _extent.IsNull ? null : _extent.MinY),
                ("$x1", _extent.IsNull ? null : _extent.MaxX), ("$y1", _extent.IsNull ? null : _extent.MaxY), ("$srs", Epsg.Utm32));
            _file.Insert("INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srs, 0, 0)", ("$t", _name), ("$type", _geometryType), ("$srs", Epsg.Utm32));
        }
    }
}
