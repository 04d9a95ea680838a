using NetTopologySuite.Index.Strtree;
using VeSiting.Core.Stores;

namespace VeSiting.Data.Embedded;

/// <summary>
/// The default store: the whole data set in memory, with STR-tree indexes for plants, addresses,
/// buildings and areas. Distances are exact NetTopologySuite distances in EPSG:25832 (to a solar park's
/// polygon where one is known, and to a building's footprint).
/// </summary>
public sealed class EmbeddedSpatialStore : ISpatialStore
{
    /// <summary>First search radius of the expanding nearest-plant search; it doubles until enough plants are found.</summary>
    private const double InitialSearchRadiusM = 2_000;

    private readonly DataSet _data;
    private readonly STRtree<Plant> _plants = new();
    /// <summary>Addresses in a grid of flat arrays: built in one pass (an STR-tree of the national file took seconds).</summary>
    private readonly AddressGrid _addresses;
    private readonly BuildingGrid _buildings;
    private readonly STRtree<DistrictHeatingPlant> _heat = new();
    private readonly STRtree<Core.Noise.NoiseAreaPolygon> _noiseAreas = new();
    private readonly Envelope _addressExtent = new();
    private readonly Envelope _heatExtent = new();
    private readonly Dictionary<AdminAreaKind, AreaIndex> _areas;
    private readonly Dictionary<string, Plant> _plantsById;
    private readonly Dictionary<string, IReadOnlyList<Plant>> _projects;
    /// <summary>Built in the background: with the national address file it takes seconds, and only text search needs it.</summary>
    private readonly Task<AddressSearchIndex> _addressSearch;
    private readonly Envelope _plantExtent = new();

    public EmbeddedSpatialStore(DataSet data)
    {
        _data = data;
        _addressSearch = Task.Run(() => new AddressSearchIndex(data.Addresses));
        // The address tree dominates with the national file; the others are built beside it.
        AddressGrid? addresses = null;
        BuildingGrid? buildings = null;
        Parallel.Invoke(
            () => addresses = new AddressGrid(data.Addresses),
            () =>
            {
                foreach (var plant in data.Plants)
                {
                    _plants.Insert(plant.Geometry.EnvelopeInternal, plant);
                    _plantExtent.ExpandToInclude(plant.Geometry.EnvelopeInternal);
                }
                _plants.Build();
                buildings = new BuildingGrid(data.Buildings);
            });
        _addresses = addresses!;
        _buildings = buildings!;
        foreach (var address in data.Addresses)
        {
            var (x, y) = address.Xy;
            _addressExtent.ExpandToInclude(x, y);
        }
        foreach (var heat in data.DistrictHeating)
        {
            _heat.Insert(heat.Position.EnvelopeInternal, heat);
            _heatExtent.ExpandToInclude(heat.Position.Coordinate);
        }
        _heat.Build();
        foreach (var area in data.NoiseAreas)
            _noiseAreas.Insert(area.Geometry.EnvelopeInternal, area);
        _noiseAreas.Build();
        _areas = Enum.GetValues<AdminAreaKind>().ToDictionary(k => k, k => new AreaIndex(data.Areas(k)));
        // Registered turbines and ppm plants have disjoint ids; a decommissioned and a re-registered
        // turbine may share a GSRN, and then the operating one is the answer.
        _plantsById = data.Plants.GroupBy(p => p.Id)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Status == PlantStatus.Operating ? 0 : 1).First());
        _projects = data.Plants.Where(p => p.ProjectId is not null).GroupBy(p => p.ProjectId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Plant>)g.OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Status).ToList());
    }

    public DataVersion Version => _data.Version;

    public Task<IReadOnlyList<Core.Noise.NoiseAreaPolygon>?> NoiseAreasMeetingAsync(Geometry geometry, CancellationToken cancellationToken = default)
    {
        if (_data.NoiseAreas.Count == 0)
            return Task.FromResult<IReadOnlyList<Core.Noise.NoiseAreaPolygon>?>(null);
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(geometry);
        return Task.FromResult<IReadOnlyList<Core.Noise.NoiseAreaPolygon>?>(_noiseAreas.Query(geometry.EnvelopeInternal)
            .Where(a => prepared.Intersects(a.Geometry)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList());
    }

    public IReadOnlyList<string> Attributions => _data.Attributions;

    public DataSet Data => _data;

    public Task<IReadOnlyList<PlantDistance>> NearestPlantsAsync(Point point, PlantFilter filter, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (_plantExtent.IsNull)
            return Task.FromResult<IReadOnlyList<PlantDistance>>([]);
        // Every plant within the radius is found by the envelope query, so once `count` matching plants lie
        // within it the answer is exact; the radius doubles until then or until it covers every plant.
        // No plant is farther than the distance to the plants' extent plus the extent's diagonal.
        var diagonal = Math.Sqrt(_plantExtent.Width * _plantExtent.Width + _plantExtent.Height * _plantExtent.Height);
        var maxRadius = _plantExtent.Distance(point.EnvelopeInternal) + diagonal + InitialSearchRadiusM;
        for (var radius = InitialSearchRadiusM; ; radius *= 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var within = Within(point, radius, filter);
            if (within.Count >= count || radius >= maxRadius)
                return Task.FromResult<IReadOnlyList<PlantDistance>>(within.Take(count).ToList());
        }
    }

    public Task<IReadOnlyList<PlantDistance>> PlantsWithinAsync(Geometry geometry, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PlantDistance>>(Within(geometry, radiusM, filter));

    public Task<IReadOnlyList<IReadOnlyList<PlantDistance>>> PlantsWithinEachAsync(IReadOnlyList<Point> points, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        var found = new IReadOnlyList<PlantDistance>[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => found[i] = Within(points[i], radiusM, filter));
        return Task.FromResult<IReadOnlyList<IReadOnlyList<PlantDistance>>>(found);
    }

    public Task<IReadOnlyList<AddressDistance?>> NearestAddressEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default)
    {
        var found = new AddressDistance?[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => found[i] = Nearest(points[i], _addressExtent,
            radius => _addresses.Within(points[i], Expanded(points[i], radius), radius)
                .OrderBy(a => a.DistanceM).ThenBy(a => a.Address.Id, StringComparer.Ordinal).FirstOrDefault()));
        return Task.FromResult<IReadOnlyList<AddressDistance?>>(found);
    }

    public Task<IReadOnlyList<DistrictHeatingDistance?>> NearestDistrictHeatingEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default)
    {
        var found = new DistrictHeatingDistance?[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => found[i] = Nearest(points[i], _heatExtent,
            radius => _heat.Query(Expanded(points[i], radius)).Select(h => new DistrictHeatingDistance(h, h.Position.Distance(points[i]))).Where(h => h.DistanceM <= radius)
                .OrderBy(h => h.DistanceM).ThenBy(h => h.Plant.Id, StringComparer.Ordinal).ThenBy(h => h.Plant.Name, StringComparer.Ordinal).FirstOrDefault()));
        return Task.FromResult<IReadOnlyList<DistrictHeatingDistance?>>(found);
    }

    public Task<IReadOnlyList<AdminArea?>> AreasAtEachAsync(AdminAreaKind kind, IReadOnlyList<Point> points, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AdminArea?>>(points.Select(p => _areas[kind].At(p)).ToList());

    public Task<SitesNear> SitesWithinAsync(Geometry geometry, double radiusM, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        var search = Expanded(geometry, radiusM);
        var addresses = _addresses.Within(geometry, search, radiusM)
            .OrderBy(a => a.DistanceM).ThenBy(a => a.Address.Id, StringComparer.Ordinal)
            .ToList();
        var buildings = _buildings.Query(search)
            .Select(b => new BuildingDistance(b, geometry.Distance(b.Footprint)))
            .Where(b => b.DistanceM <= radiusM)
            .OrderBy(b => b.DistanceM).ThenBy(b => b.Building.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new SitesNear(addresses, buildings));
    }

    public Task<IReadOnlyList<Address>> AddressesInAsync(Geometry area, CancellationToken cancellationToken = default)
    {
        return Task.FromResult<IReadOnlyList<Address>>(_addresses.Within(area, area.EnvelopeInternal, 0).Select(a => a.Address)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList());
    }

    public Task<IReadOnlyList<Plant>> ListPlantsAsync(PlantFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Plant>>(_data.Plants.Where(filter.Matches).OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Status).ToList());

    public Task<IReadOnlyList<Plant>> ProjectMembersAsync(string projectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_projects.TryGetValue(projectId, out var members) ? members : (IReadOnlyList<Plant>)[]);

    public Task<Plant?> FindPlantAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_plantsById.GetValueOrDefault(id.Trim()));

    public Task<Building?> FindBuildingAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = id.Trim();
        return Task.FromResult(_data.Buildings
            .Where(b => b.Id == key || string.Equals(b.BbrId, key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(b => b.Id, StringComparer.Ordinal)
            .FirstOrDefault());
    }

    public Task<AdminArea?> AreaAtAsync(AdminAreaKind kind, Point point, CancellationToken cancellationToken = default) =>
        Task.FromResult(_areas[kind].At(point));

    public Task<IReadOnlyList<AdminArea>> ListAreasAsync(AdminAreaKind kind, CancellationToken cancellationToken = default) =>
        Task.FromResult(_data.Areas(kind));

    public Task<IReadOnlyList<AdminArea>> AreasMeetingAsync(AdminAreaKind kind, Envelope box, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AdminArea>>(_data.Areas(kind).Where(a => a.Geometry.EnvelopeInternal.Intersects(box)).ToList());

    public Task<IReadOnlyList<DistrictHeatingPlant>> ListDistrictHeatingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DistrictHeatingPlant>>(_data.DistrictHeating.OrderBy(h => h.Id, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<MunicipalityPopulation>> ListPopulationAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MunicipalityPopulation>>(_data.Population.OrderBy(p => p.MunicipalityCode).ThenBy(p => p.Period, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<Firm>> ListFirmsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Firm>>(_data.Firms.OrderBy(f => f.Id, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<Address>> SearchAddressesAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(text, limit);

    private async Task<IReadOnlyList<Address>> SearchAsync(string text, int limit) => (await _addressSearch).Search(text, limit);

    private List<PlantDistance> Within(Geometry geometry, double radiusM, PlantFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusM);
        return _plants.Query(Expanded(geometry, radiusM))
            .Where(filter.Matches)
            .Select(p => new PlantDistance(p, geometry.Distance(p.Geometry)))
            .Where(p => p.DistanceM <= radiusM)
            .OrderBy(p => p.DistanceM).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).ThenBy(p => p.Plant.Status)
            .ToList();
    }

    /// <summary>
    /// The nearest item by an expanding search: <paramref name="within"/> gives the nearest item within a radius (exact, since every
    /// item within it is found), and the radius doubles until one is found or it reaches past every item of the extent.
    /// </summary>
    private static T? Nearest<T>(Point point, Envelope extent, Func<double, T?> within) where T : class
    {
        if (extent.IsNull)
            return null;
        var reach = extent.Distance(point.EnvelopeInternal) + Math.Sqrt(extent.Width * extent.Width + extent.Height * extent.Height);
        for (var radius = InitialSearchRadiusM; ; radius *= 2)
        {
            var found = within(radius);
            if (found is not null || radius > reach)
                return found;
        }
    }

    private static Envelope Expanded(Geometry geometry, double by)
    {
        var envelope = geometry.EnvelopeInternal.Copy();
        envelope.ExpandBy(by);
        return envelope;
    }
}
