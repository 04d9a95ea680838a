namespace VeSiting.Core.Stores;

/// <summary>
/// The read side of a store: the spatial questions every assessment is built from.
/// All geometries and distances are in EPSG:25832 (metres). Implemented by the embedded
/// in-memory engine (the default) and by PostGIS; both must give the same answers.
/// </summary>
public interface ISpatialStore
{
    DataVersion Version { get; }

    /// <summary>Attribution lines of the data served, to be shown wherever the data is shown.</summary>
    IReadOnlyList<string> Attributions { get; }

    /// <summary>The <paramref name="count"/> plants passing <paramref name="filter"/> nearest to <paramref name="point"/>, nearest first; ties by id.</summary>
    Task<IReadOnlyList<PlantDistance>> NearestPlantsAsync(Point point, PlantFilter filter, int count, CancellationToken cancellationToken = default);

    /// <summary>Plants passing <paramref name="filter"/> within <paramref name="radiusM"/> of <paramref name="geometry"/>, nearest first.</summary>
    Task<IReadOnlyList<PlantDistance>> PlantsWithinAsync(Geometry geometry, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each of <paramref name="points"/> (in order), the plants passing <paramref name="filter"/> within <paramref name="radiusM"/> of it,
    /// nearest first, as <see cref="PlantsWithinAsync"/> gives them: one call (one query on PostGIS) for many points.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<PlantDistance>>> PlantsWithinEachAsync(IReadOnlyList<Point> points, double radiusM, PlantFilter filter, CancellationToken cancellationToken = default);

    /// <summary>For each of <paramref name="points"/> (in order), its nearest address (ties by id), or null when there are no addresses.</summary>
    Task<IReadOnlyList<AddressDistance?>> NearestAddressEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default);

    /// <summary>For each of <paramref name="points"/> (in order), its nearest district-heating plant (ties by id, then name), or null when there are none.</summary>
    Task<IReadOnlyList<DistrictHeatingDistance?>> NearestDistrictHeatingEachAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken = default);

    /// <summary>For each of <paramref name="points"/> (in order), the area of the kind that contains it, as <see cref="AreaAtAsync"/> finds it, or null.</summary>
    Task<IReadOnlyList<AdminArea?>> AreasAtEachAsync(AdminAreaKind kind, IReadOnlyList<Point> points, CancellationToken cancellationToken = default);

    /// <summary>Addresses and buildings within <paramref name="radiusM"/> of <paramref name="geometry"/>, nearest first.</summary>
    Task<SitesNear> SitesWithinAsync(Geometry geometry, double radiusM, CancellationToken cancellationToken = default);

    /// <summary>The addresses lying in <paramref name="area"/> (boundary included), ordered by id: an area's addresses, without buildings or distances.</summary>
    Task<IReadOnlyList<Address>> AddressesInAsync(Geometry area, CancellationToken cancellationToken = default);

    /// <summary>Plants passing <paramref name="filter"/>, ordered by id.</summary>
    Task<IReadOnlyList<Plant>> ListPlantsAsync(PlantFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The plants of one project (what one permit covers, <see cref="Plant.ProjectId"/>), ordered by id; empty when none.</summary>
    Task<IReadOnlyList<Plant>> ProjectMembersAsync(string projectId, CancellationToken cancellationToken = default);

    Task<Plant?> FindPlantAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A building by its GeoDanmark id or its BBR id (case-insensitive), or null.</summary>
    Task<Building?> FindBuildingAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The area of the given kind that contains <paramref name="point"/> (boundary included), if any.</summary>
    Task<AdminArea?> AreaAtAsync(AdminAreaKind kind, Point point, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AdminArea>> ListAreasAsync(AdminAreaKind kind, CancellationToken cancellationToken = default);

    /// <summary>Areas of a kind whose bounding box meets <paramref name="box"/> (EPSG:25832), ordered by code; what a map tile needs.</summary>
    Task<IReadOnlyList<AdminArea>> AreasMeetingAsync(AdminAreaKind kind, Envelope box, CancellationToken cancellationToken = default);

    /// <summary>Every district-heating plant, ordered by id.</summary>
    Task<IReadOnlyList<DistrictHeatingPlant>> ListDistrictHeatingAsync(CancellationToken cancellationToken = default);

    /// <summary>Population by municipality (Statistics Denmark), ordered by municipality code.</summary>
    Task<IReadOnlyList<MunicipalityPopulation>> ListPopulationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The noise-sensitive areas layer's polygons that meet <paramref name="geometry"/>, ordered by id; null when no such layer is
    /// loaded (then every dwelling is judged as in open country, and the answer says so).
    /// </summary>
    Task<IReadOnlyList<Noise.NoiseAreaPolygon>?> NoiseAreasMeetingAsync(Geometry geometry, CancellationToken cancellationToken = default);

    /// <summary>The firms of the user's firms layer, ordered by id; empty when none is loaded.</summary>
    Task<IReadOnlyList<Firm>> ListFirmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Addresses matching a free-text query ("Eliasgade 10, 2300"), best match first.</summary>
    Task<IReadOnlyList<Address>> SearchAddressesAsync(string text, int limit, CancellationToken cancellationToken = default);
}
