using System.Text.Json;
using NetTopologySuite.Geometries;
using NpgsqlTypes;
using VeSiting.Core.Domain;
using VeSiting.Stores.PostGis.Migrations;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// The store contract answered by PostGIS: KNN (<c>&lt;-&gt;</c>) for nearest plants, <c>ST_DWithin</c>
/// and <c>ST_Distance</c> in EPSG:25832 for radii, <c>ST_Covers</c> for point-in-area. Every value is a
/// parameter. Ties are broken as the embedded store breaks them (distance, id in ordinal order, status).
/// A broken connection surfaces as <see cref="StoreUnavailableException"/>, never as an empty answer.
/// </summary>
public sealed class PostGisSpatialStore : ISpatialStore, IVectorTileStore, IVersionedStore, IPinnableStore, IAsyncDisposable
{
    /// <summary>Status order of the embedded store (enum order), for ties.</summary>
    private static readonly string StatusRank =
        $"array_position(ARRAY[{string.Join(", ", Enum.GetNames<PlantStatus>().Select(n => $"'{n}'"))}], status)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PinnedSession? _pinned;

    private PostGisSpatialStore(NpgsqlDataSource dataSource, bool ownsDataSource, DataVersion version, IReadOnlyList<string> attributions, PinnedSession? pinned = null)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Version = version;
        Attributions = attributions;
        _pinned = pinned;
    }

    public DataVersion Version { get; private set; }

    public IReadOnlyList<string> Attributions { get; private set; }

    /// <summary>Connects (with retry), checks the schema is migrated and data is imported, and reads the data version.</summary>
    public static async Task<PostGisSpatialStore> OpenAsync(string connectionString, PostGisConnection.RetryPolicy? retry = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var dataSource = PostGisConnection.CreateDataSource(connectionString);
        try
        {
            return await OpenAsync(dataSource, ownsDataSource: true, retry, log, cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>As <see cref="OpenAsync(string, PostGisConnection.RetryPolicy?, Action{string}?, CancellationToken)"/>, on a
    /// data source of the caller's (e.g. <see cref="PostGisDatabase.Reads"/>), which the store then disposes only if it owns it.</summary>
    public static async Task<PostGisSpatialStore> OpenAsync(NpgsqlDataSource dataSource, bool ownsDataSource, PostGisConnection.RetryPolicy? retry = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var where = PostGisConnection.Describe(dataSource.ConnectionString);
        await PostGisConnection.VerifyReachableAsync(dataSource, retry ?? PostGisConnection.RetryPolicy.Default, log, cancellationToken);
        var schema = await new MigrationRunner(dataSource).CurrentVersionAsync(cancellationToken);
        if (schema != MigrationRunner.LatestVersion)
            throw new StoreNotReadyException($"The database at {where} has schema version {schema}, this VeSiting needs {MigrationRunner.LatestVersion}: run `vesiting db migrate`.");
        var (version, attributions) = await ReadVersionAsync(dataSource, cancellationToken)
            ?? throw new StoreNotReadyException($"The database at {where} holds no data yet: run `vesiting import --db …`.");
        return new PostGisSpatialStore(dataSource, ownsDataSource, version, attributions);
    }

    /// <summary>
    /// A view of this store for one request: its queries run in one REPEATABLE READ transaction on one connection (opened
    /// at the first query, so a request answered from a cache never touches the database), whose data version must be
    /// <see cref="Version"/>. One answer is therefore never a mix of two imports, nor of two replicas at different
    /// points of replay. Dispose it at the end of the request.
    /// </summary>
    public PostGisSpatialStore Pinned() => new(_dataSource, ownsDataSource: false, Version, Attributions, new PinnedSession(_dataSource, Version, RefreshSoon));

    PinnedStore IPinnableStore.Pinned()
    {
        var pinned = Pinned();
        return new PinnedStore(pinned, pinned);
    }

    private int _refreshing;

    /// <summary>Re-reads the version in the background, once at a time: a request found the database at another version.</summary>
    private void RefreshSoon()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                await RefreshVersionAsync();
            }
            catch (StoreUnavailableException)
            {
                // The watcher's next poll tries again.
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    /// <summary>Re-reads the data version (after an import by another process); returns true when it changed.</summary>
    public async Task<bool> RefreshVersionAsync(CancellationToken cancellationToken = default)
    {
        var current = await Guard(() => ReadVersionAsync(_dataSource, cancellationToken));
        // Only forward: a replica still replaying towards the newest import must not switch the service back.
        if (current is null || current.Value.Version.LoadedAt <= Version.LoadedAt)
            return false;
        (Version, Attributions) = current.Value;
        return true;
    }

    public Task<IReadOnlyList<PlantDistance>> NearestPlantsAsync(Point point, PlantFilter filter, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var (where, parameters) = FilterSql(filter);
        return QueryPlantDistances($"""
            SELECT {PostGisRows.PlantColumns}, ST_Distance(geom, @point) AS distance
            FROM plants WHERE {where}
            ORDER BY geom <-> @point, id COLLATE "C", {StatusRank}
            LIMIT @count
            """, [.. parameters, Geometry("point", point), new NpgsqlParameter("count", count)], cancellationToken);
    }

    public Task<IReadOnlyList<PlantDistance>> PlantsWithinAsync(Geometry geometry, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        var (where, parameters) = FilterSql(filter);
        return QueryPlantDistances($"""
            SELECT {PostGisRows.PlantColumns}, ST_Distance(geom, @geometry) AS distance
            FROM plants WHERE {where} AND ST_DWithin(geom, @geometry, @radius)
            ORDER BY distance, id COLLATE "C", {StatusRank}
            """, [.. parameters, Geometry("geometry", geometry), new NpgsqlParameter("radius", radiusM)], cancellationToken);
    }

    public async Task<IReadOnlyList<IReadOnlyList<PlantDistance>>> PlantsWithinEachAsync(IReadOnlyList<Point> points, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        var (where, parameters) = FilterSql(filter);
        var rows = await Query($"""
            {PointsCte}
            SELECT found.*, points.point_index FROM points CROSS JOIN LATERAL (
                SELECT {PostGisRows.PlantColumns}, ST_Distance(geom, points.point_geom) AS distance,
                    row_number() OVER (ORDER BY ST_Distance(geom, points.point_geom), id COLLATE "C", {StatusRank}) AS rank
                FROM plants WHERE {where} AND ST_DWithin(geom, points.point_geom, @radius)) found
            ORDER BY points.point_index, found.rank
            """, [.. parameters, .. PointArrays(points), new NpgsqlParameter("radius", radiusM)],
            r => (Index: r.GetInt32(PostGisRows.PlantColumnCount + 2), Hit: new PlantDistance(PostGisRows.Plant(r), r.GetDouble(PostGisRows.PlantColumnCount))), cancellationToken);
        var found = points.Select(_ => new List<PlantDistance>()).ToArray();
        foreach (var (index, hit) in rows)
            found[index].Add(hit);
        return found;
    }

    public async Task<IReadOnlyList<AddressDistance?>> NearestAddressEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default) =>
        ByPoint(points.Count, await Query($"""
            {PointsCte}
            SELECT found.*, points.point_index FROM points CROSS JOIN LATERAL (
                SELECT {PostGisRows.AddressColumns}, ST_Distance(geom, points.point_geom) AS distance FROM addresses
                ORDER BY geom <-> points.point_geom, id COLLATE "C" LIMIT 1) found
            """, PointArrays(points),
            r => (r.GetInt32(PostGisRows.AddressColumnCount + 1), new AddressDistance(PostGisRows.Address(r), r.GetDouble(PostGisRows.AddressColumnCount))), cancellationToken));

    public async Task<IReadOnlyList<DistrictHeatingDistance?>> NearestDistrictHeatingEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default) =>
        ByPoint(points.Count, await Query($"""
            {PointsCte}
            SELECT found.*, points.point_index FROM points CROSS JOIN LATERAL (
                SELECT {HeatColumns}, ST_Distance(geom, points.point_geom) AS distance FROM district_heating
                ORDER BY geom <-> points.point_geom, id COLLATE "C", name COLLATE "C" LIMIT 1) found
            """, PointArrays(points), r => (r.GetInt32(HeatColumnCount + 1), new DistrictHeatingDistance(Heat(r), r.GetDouble(HeatColumnCount))), cancellationToken));

    public async Task<IReadOnlyList<AdminArea?>> AreasAtEachAsync(AdminAreaKind kind, IReadOnlyList<Point> points, CancellationToken cancellationToken = default) =>
        ByPoint(points.Count, await Query($"""
            {PointsCte}
            SELECT found.*, points.point_index FROM points CROSS JOIN LATERAL (
                SELECT {PostGisRows.AreaColumns} FROM admin_areas
                WHERE kind = @kind AND ST_Covers(geom, points.point_geom) ORDER BY code COLLATE "C" LIMIT 1) found
            """, [new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = kind.ToString() }, .. PointArrays(points)],
            r => (r.GetInt32(AreaColumnCount), PostGisRows.Area(r)), cancellationToken));

    public async Task<SitesNear> SitesWithinAsync(Geometry geometry, double radiusM, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        var addresses = await Query($"""
            SELECT {PostGisRows.AddressColumns}, ST_Distance(geom, @geometry) AS distance
            FROM addresses WHERE ST_DWithin(geom, @geometry, @radius)
            ORDER BY distance, id COLLATE "C"
            """, [Geometry("geometry", geometry), new NpgsqlParameter("radius", radiusM)],
            r => new AddressDistance(PostGisRows.Address(r), r.GetDouble(PostGisRows.AddressColumnCount)), cancellationToken);
        var buildings = await Query($"""
            SELECT {PostGisRows.BuildingColumns}, ST_Distance(geom, @geometry) AS distance
            FROM buildings WHERE ST_DWithin(geom, @geometry, @radius)
            ORDER BY distance, id COLLATE "C"
            """, [Geometry("geometry", geometry), new NpgsqlParameter("radius", radiusM)],
            r => new BuildingDistance(PostGisRows.Building(r), r.GetDouble(7)), cancellationToken);
        return new SitesNear(addresses, buildings);
    }

    public Task<IReadOnlyList<Address>> AddressesInAsync(Geometry area, CancellationToken cancellationToken = default) =>
        Query($"""
            SELECT {PostGisRows.AddressColumns} FROM addresses WHERE ST_Intersects(geom, @area)
            ORDER BY id COLLATE "C"
            """, [Geometry("area", area)], r => PostGisRows.Address(r), cancellationToken);

    public Task<IReadOnlyList<Plant>> ListPlantsAsync(PlantFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = FilterSql(filter);
        return Query($"""
            SELECT {PostGisRows.PlantColumns} FROM plants WHERE {where}
            ORDER BY id COLLATE "C", {StatusRank}
            """, parameters, PostGisRows.Plant, cancellationToken);
    }

    public Task<IReadOnlyList<Plant>> ProjectMembersAsync(string projectId, CancellationToken cancellationToken = default) =>
        projectId.Contains('\0') ? Task.FromResult<IReadOnlyList<Plant>>([]) : Query($"""
            SELECT {PostGisRows.PlantColumns} FROM plants WHERE project_id = @project
            ORDER BY id COLLATE "C", {StatusRank}
            """, [new NpgsqlParameter("project", NpgsqlDbType.Text) { Value = projectId }], PostGisRows.Plant, cancellationToken);

    public async Task<Plant?> FindPlantAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = id.Trim();
        if (key.Contains('\0'))
            return null; // PostgreSQL text cannot hold NUL, so no plant can have such an id.
        var found = await Query($"""
            SELECT {PostGisRows.PlantColumns} FROM plants WHERE id = @id
            ORDER BY {StatusRank} LIMIT 1
            """, [new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = key }], PostGisRows.Plant, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Building?> FindBuildingAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = id.Trim();
        if (key.Contains('\0'))
            return null;
        var found = await Query($"""
            SELECT {PostGisRows.BuildingColumns} FROM buildings WHERE id = @id OR lower(bbr_id) = lower(@id)
            ORDER BY id COLLATE "C" LIMIT 1
            """, [new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = key }], PostGisRows.Building, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<AdminArea?> AreaAtAsync(AdminAreaKind kind, Point point, CancellationToken cancellationToken = default)
    {
        var found = await Query($"""
            SELECT {PostGisRows.AreaColumns} FROM admin_areas
            WHERE kind = @kind AND ST_Covers(geom, @point)
            ORDER BY code COLLATE "C" LIMIT 1
            """, [new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = kind.ToString() }, Geometry("point", point)], PostGisRows.Area, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<AdminArea>> ListAreasAsync(AdminAreaKind kind, CancellationToken cancellationToken = default) =>
        Query($"""
            SELECT {PostGisRows.AreaColumns} FROM admin_areas WHERE kind = @kind ORDER BY code COLLATE "C"
            """, [new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = kind.ToString() }], PostGisRows.Area, cancellationToken);

    public async Task<IReadOnlyList<AdminArea>> AreasMeetingAsync(AdminAreaKind kind, Envelope box, CancellationToken cancellationToken = default)
    {
        // The index finds candidates by PostGIS's (float4-rounded, slightly larger) boxes; the exact test is the same as the embedded engine's.
        var candidates = await Query($"""
            SELECT {PostGisRows.AreaColumns} FROM admin_areas
            WHERE kind = @kind AND geom && ST_MakeEnvelope(@x0, @y0, @x1, @y1, 25832) ORDER BY code COLLATE "C"
            """, [new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = kind.ToString() },
                new NpgsqlParameter("x0", box.MinX), new NpgsqlParameter("y0", box.MinY), new NpgsqlParameter("x1", box.MaxX), new NpgsqlParameter("y1", box.MaxY)],
            PostGisRows.Area, cancellationToken);
        return candidates.Where(a => a.Geometry.EnvelopeInternal.Intersects(box)).ToList();
    }

    /// <summary>One query: the areas meeting the geometry (hit), or else any one area, so that "no layer" (no row) is told apart from "none here".</summary>
    public async Task<IReadOnlyList<Core.Noise.NoiseAreaPolygon>?> NoiseAreasMeetingAsync(Geometry geometry, CancellationToken cancellationToken = default)
    {
        var rows = await Query($"""
            SELECT {PostGisRows.NoiseAreaColumns}, true AS hit FROM noise_areas WHERE ST_Intersects(geom, @geometry)
            UNION ALL
            (SELECT {PostGisRows.NoiseAreaColumns}, false AS hit FROM noise_areas LIMIT 1)
            """, [new NpgsqlParameter("geometry", geometry)], r => (Area: PostGisRows.NoiseArea(r), Hit: r.GetBoolean(8)), cancellationToken);
        if (rows.Count == 0)
            return null;
        return rows.Where(r => r.Hit).Select(r => r.Area).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<DistrictHeatingPlant>> ListDistrictHeatingAsync(CancellationToken cancellationToken = default) =>
        Query($"""
            SELECT {HeatColumns} FROM district_heating
            ORDER BY id COLLATE "C", name COLLATE "C"
            """, [], Heat, cancellationToken);

    private const string HeatColumns = "id, name, main_fuel, supply_area_km2, source_id, source_file, source_row, geom";
    private const int HeatColumnCount = 8;
    private const int AreaColumnCount = 7;

    private static DistrictHeatingPlant Heat(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        MainFuel = r.IsDBNull(2) ? null : r.GetString(2),
        SupplyAreaKm2 = r.IsDBNull(3) ? null : r.GetDouble(3),
        Origin = new RecordOrigin(r.GetString(4), r.GetString(5), r.GetInt32(6)),
        Position = r.GetFieldValue<Point>(7),
    };

    /// <summary>The points of a batch call as a table (point_index from 0, point_geom), from the arrays of <see cref="PointArrays"/>.</summary>
    private const string PointsCte = """
        WITH points AS (
            SELECT (u.ordinality - 1)::int AS point_index, ST_SetSRID(ST_MakePoint(u.x, u.y), 25832) AS point_geom
            FROM unnest(@xs::float8[], @ys::float8[]) WITH ORDINALITY AS u(x, y, ordinality))
        """;

    private static NpgsqlParameter[] PointArrays(IReadOnlyList<Point> points)
    {
        if (points.FirstOrDefault(p => p.SRID != 25832) is { } other)
            throw new ArgumentException($"points must be in EPSG:25832, not SRID {other.SRID}", nameof(points));
        return [new NpgsqlParameter("xs", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = points.Select(p => p.X).ToArray() },
            new NpgsqlParameter("ys", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = points.Select(p => p.Y).ToArray() }];
    }

    /// <summary>One answer per point from rows keyed by point index; null where a point had none.</summary>
    private static IReadOnlyList<T?> ByPoint<T>(int count, IReadOnlyList<(int Index, T Value)> rows) where T : class
    {
        var found = new T?[count];
        foreach (var (index, value) in rows)
            found[index] = value;
        return found;
    }

    public Task<IReadOnlyList<Firm>> ListFirmsAsync(CancellationToken cancellationToken = default) =>
        Query($"SELECT {PostGisRows.FirmColumns} FROM firms ORDER BY id COLLATE \"C\", pk", [], PostGisRows.Firm, cancellationToken);

    public Task<IReadOnlyList<MunicipalityPopulation>> ListPopulationAsync(CancellationToken cancellationToken = default) =>
        Query("""
            SELECT municipality_code, municipality_name, period, population, source_id, source_file, source_row FROM population
            ORDER BY municipality_code, period COLLATE "C"
            """, [], r => new MunicipalityPopulation(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), new RecordOrigin(r.GetString(4), r.GetString(5), r.GetInt32(6))),
            cancellationToken);

    public async Task<IReadOnlyList<Address>> SearchAddressesAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        var words = AddressMatching.Words(text);
        if (words.Length == 0)
            return [];
        // Candidates contain every query word somewhere (strpos: no LIKE wildcards to escape);
        // the shared matcher then ranks them exactly as the embedded store does.
        var candidates = await Query($"""
            SELECT search_text, {PostGisRows.AddressColumns} FROM addresses a
            WHERE NOT EXISTS (SELECT 1 FROM unnest(@words) AS w WHERE strpos(a.search_text, w) = 0)
            """, [new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words }],
            r => (PostGisRows.Address(r, 1), r.GetString(0).Split(' ')), cancellationToken);
        return AddressMatching.Rank(text, candidates, limit);
    }

    public bool ProducesLayer(string layer) => PostGisVectorTiles.Sql.ContainsKey(layer);

    /// <summary>The SQL this store runs for a tile of a layer it encodes itself (parameters @z, @x, @y), for benchmarks; null for other layers.</summary>
    public static string? VectorTileSql(string layer) => PostGisVectorTiles.Sql.GetValueOrDefault(layer);

    /// <summary>The layers this store encodes itself (checked against their definitions by the tile layer contract test).</summary>
    public static IReadOnlyCollection<string> VectorTileLayers => [.. PostGisVectorTiles.Sql.Keys];

    public async Task<byte[]> VectorTileAsync(string layer, int z, int x, int y, CancellationToken cancellationToken = default)
    {
        var sql = PostGisVectorTiles.Sql.TryGetValue(layer, out var query) ? query : throw new ArgumentException($"PostGIS does not produce layer '{layer}'", nameof(layer));
        var tile = await Query(sql, [new NpgsqlParameter("z", z), new NpgsqlParameter("x", x), new NpgsqlParameter("y", y)],
            r => r.IsDBNull(0) ? [] : r.GetFieldValue<byte[]>(0), cancellationToken);
        return tile.Count == 0 ? [] : tile[0];
    }

    public ValueTask DisposeAsync() =>
        _pinned is not null ? _pinned.DisposeAsync() : _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>The filter as a WHERE clause with parameters; never string-built from values.</summary>
    private static (string Where, NpgsqlParameter[] Parameters) FilterSql(PlantFilter filter)
    {
        var clauses = new List<string> { "true" };
        var parameters = new List<NpgsqlParameter>();
        if (filter.Kinds.Count > 0)
            Add("kind = ANY(@kinds)", new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Kinds.Select(k => k.ToString()).ToArray() });
        if (filter.Statuses.Count > 0)
            Add("status = ANY(@statuses)", new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Statuses.Select(s => s.ToString()).ToArray() });
        AddWhenSet("total_height_m >= @min_height", "min_height", filter.MinTotalHeightM);
        AddWhenSet("connected_on <= @connected_before", "connected_before", filter.ConnectedOnOrBefore);
        AddWhenSet("connected_on >= @connected_after", "connected_after", filter.ConnectedOnOrAfter);
        AddWhenSet("municipality_code = @municipality", "municipality", filter.MunicipalityCode);
        if (filter.Siting is { } siting)
            Add("siting = @siting", new NpgsqlParameter("siting", NpgsqlDbType.Text) { Value = siting.ToString() });
        return (string.Join(" AND ", clauses), parameters.ToArray());

        void Add(string clause, NpgsqlParameter parameter)
        {
            clauses.Add(clause);
            parameters.Add(parameter);
        }

        // A bound the filter may leave unset: its clause and the one parameter the clause names, when set.
        void AddWhenSet<T>(string clause, string name, T? value) where T : struct
        {
            if (value is { } set)
                Add(clause, new NpgsqlParameter(name, set));
        }
    }

    private static NpgsqlParameter Geometry(string name, Geometry geometry)
    {
        if (geometry.SRID != 25832)
            throw new ArgumentException($"geometry must be in EPSG:25832, not SRID {geometry.SRID}", name);
        return new NpgsqlParameter(name, NpgsqlDbType.Geometry) { Value = geometry };
    }

    private Task<IReadOnlyList<PlantDistance>> QueryPlantDistances(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken) =>
        Query(sql, parameters, r => new PlantDistance(PostGisRows.Plant(r), r.GetDouble(PostGisRows.PlantColumnCount)), cancellationToken);

    private Task<IReadOnlyList<T>> Query<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            if (_pinned is not null)
                return await _pinned.RunAsync((connection, transaction) => Read(new NpgsqlCommand(sql, connection, transaction)), cancellationToken);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await Read(new NpgsqlCommand(sql, connection));

            async Task<IReadOnlyList<T>> Read(NpgsqlCommand command)
            {
                await using (command)
                {
                    // Copies: a statement tried once more (OnceMore) needs parameters not owned by the first command.
                    command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    var rows = new List<T>();
                    while (await reader.ReadAsync(cancellationToken))
                        rows.Add(map(reader));
                    return rows;
                }
            }
        });

    /// <summary>A pinned session has tried a second connection itself when it began; a fault after that ends the request (503).</summary>
    private Task<T> Guard<T>(Func<Task<T>> query) => OnceMore.RunAsync(_dataSource, query, retry: _pinned is null);

    private static async Task<(DataVersion Version, IReadOnlyList<string> Attributions)?> ReadVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, loaded_at, attributions::text FROM data_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var version = new DataVersion(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
        return (version, JsonSerializer.Deserialize<List<string>>(reader.GetString(2))!);
    }
}
