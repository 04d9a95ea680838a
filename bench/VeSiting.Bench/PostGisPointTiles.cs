using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using VeSiting.Stores.PostGis;

namespace VeSiting.Bench;

/// <summary>
/// The baseline for point tiles: the points in a temporary PostGIS table (binary COPY, GiST index, CLUSTER) and the tile made
/// by ST_AsMVT the way the store makes its plants layer (PostGisVectorTiles: the tile envelope grown by 8/256 and
/// densified, transformed to EPSG:25832 for the index; ST_AsMVTGeom on ST_Transform to 3857, extent 4096, buffer 128).
/// </summary>
public sealed class PostGisPointTiles : IAsyncDisposable
{
    public const string TileSql = """
        WITH bounds AS (
            SELECT ST_TileEnvelope(@z, @x, @y) AS env,
                   ST_Transform(ST_Segmentize(ST_Expand(ST_TileEnvelope(@z, @x, @y), (ST_XMax(ST_TileEnvelope(@z, @x, @y)) - ST_XMin(ST_TileEnvelope(@z, @x, @y))) * 8 / 256),
                                (ST_XMax(ST_TileEnvelope(@z, @x, @y)) - ST_XMin(ST_TileEnvelope(@z, @x, @y))) / 8), 25832) AS area)
        , features AS (
            SELECT ST_AsMVTGeom(ST_Transform(d.geom, 3857), bounds.env, 4096, 128, true) AS geom
            FROM bench_tile_points d, bounds
            WHERE ST_Intersects(d.geom, bounds.area))
        SELECT ST_AsMVT(features.*, 'dwellings', 4096, 'geom') FROM features WHERE geom IS NOT NULL
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;

    private PostGisPointTiles(NpgsqlDataSource dataSource, NpgsqlConnection connection) => (_dataSource, _connection) = (dataSource, connection);

    /// <summary>
    /// Loads the points (EPSG:25832) into a session-temporary table with a GiST index, clustered on it so that a tile's
    /// points share pages (PostGIS's best case for tile serving); the load time.
    /// </summary>
    public static async Task<(PostGisPointTiles Tiles, TimeSpan Load)> LoadAsync(string connectionString, double[] xs, double[] ys, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var dataSource = PostGisConnection.CreateDataSource(connectionString);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, """
            CREATE EXTENSION IF NOT EXISTS postgis;
            CREATE TEMP TABLE bench_tile_xy (x double precision, y double precision);
            """, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_tile_xy (x, y) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < xs.Length; i++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(xs[i], NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(ys[i], NpgsqlDbType.Double, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await Execute(connection, """
            CREATE TEMP TABLE bench_tile_points AS SELECT ST_SetSRID(ST_MakePoint(x, y), 25832)::geometry(Point, 25832) AS geom FROM bench_tile_xy;
            DROP TABLE bench_tile_xy;
            CREATE INDEX bench_tile_points_geom ON bench_tile_points USING gist (geom);
            CLUSTER bench_tile_points USING bench_tile_points_geom;
            ANALYZE bench_tile_points;
            """, cancellationToken);
        return (new PostGisPointTiles(dataSource, connection), clock.Elapsed);
    }

    /// <summary>One tile, timed on the client from sending the query to holding the bytes.</summary>
    public async Task<(byte[] Bytes, double Milliseconds)> TileAsync(int z, int x, int y, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(TileSql, _connection);
        command.Parameters.Add(new NpgsqlParameter("z", z));
        command.Parameters.Add(new NpgsqlParameter("x", x));
        command.Parameters.Add(new NpgsqlParameter("y", y));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        var bytes = result as byte[] ?? [];
        return (bytes, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
