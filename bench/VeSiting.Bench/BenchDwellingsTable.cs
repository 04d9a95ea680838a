using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using VeSiting.Core.Spatial;

namespace VeSiting.Bench;

/// <summary>The synthetic dwellings as the temporary table <c>bench_dwellings (i, geom)</c> with a GiST index, for PostGIS baselines.</summary>
public static class BenchDwellingsTable
{
    public static async Task CreateAsync(NpgsqlConnection connection, double[] xs, double[] ys, int count, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE bench_dwellings (i integer, geom geometry(Point, 25832))", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_dwellings (i, geom) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync((Geometry)factory.CreatePoint(new Coordinate(xs[i], ys[i])), NpgsqlDbType.Geometry, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using var index = new NpgsqlCommand("CREATE INDEX ON bench_dwellings USING gist (geom); ANALYZE bench_dwellings;", connection);
        await index.ExecuteNonQueryAsync(cancellationToken);
    }
}
