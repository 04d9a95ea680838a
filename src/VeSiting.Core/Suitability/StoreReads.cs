using VeSiting.Core.Suitability.Criteria;

namespace VeSiting.Core.Suitability;

/// <summary>
/// What the per-cell siting engine reads from the store for its candidates: one batch call per kind of data (plants within
/// a reach, nearest district-heating plant, nearest dwelling, municipality and region), only for the criteria in use.
/// </summary>
internal sealed class StoreReads
{
    private IReadOnlyList<IReadOnlyList<PlantDistance>>? _plants;
    private double _reach;
    private IReadOnlyList<DistrictHeatingDistance?>? _heat;
    private IReadOnlyList<AddressDistance?>? _dwellings;
    private IReadOnlyList<AdminArea?>? _municipalities;
    private IReadOnlyList<AdminArea?>? _regions;

    /// <summary>What one candidate has around it.</summary>
    /// <param name="RegisteredPlants">The store's plants within the reach, by id then status.</param>
    /// <param name="PlannedPlants">The request's planned turbines within the reach, in their order.</param>
    /// <param name="Plants">Both, nearest first.</param>
    /// <param name="Heat">The nearest district-heating plant, when heat is a criterion.</param>
    /// <param name="Dwelling">The nearest address, when dwelling distance is a criterion.</param>
    /// <param name="Municipality">The municipality containing the site, when a regional figure is a criterion.</param>
    /// <param name="Region">The region containing the site, likewise.</param>
    public sealed record Site(
        IReadOnlyList<(Plant Plant, double DistanceM)> RegisteredPlants,
        IReadOnlyList<(Plant Plant, double DistanceM)> PlannedPlants,
        IReadOnlyList<PlantDistance> Plants,
        DistrictHeatingDistance? Heat,
        AddressDistance? Dwelling,
        AdminArea? Municipality,
        AdminArea? Region);

    public static async Task<StoreReads> ReadAsync(ISpatialStore store, IReadOnlyList<Candidate> candidates, double plantReach, SiteReads needs, CancellationToken cancellationToken)
    {
        var points = candidates.Select(c => c.Position).ToList();
        var reads = new StoreReads { _reach = plantReach };
        if (points.Count == 0)
            return reads;
        if (plantReach > 0)
            reads._plants = await store.PlantsWithinEachAsync(points, plantReach, SitingEngine.Current, cancellationToken);
        if (needs.HasFlag(SiteReads.NearestHeat))
            reads._heat = await store.NearestDistrictHeatingEachAsync(points, cancellationToken);
        if (needs.HasFlag(SiteReads.NearestDwelling))
            reads._dwellings = await store.NearestAddressEachAsync(points, cancellationToken);
        if (needs.HasFlag(SiteReads.Areas))
        {
            reads._municipalities = await store.AreasAtEachAsync(AdminAreaKind.Municipality, points, cancellationToken);
            reads._regions = await store.AreasAtEachAsync(AdminAreaKind.Region, points, cancellationToken);
        }
        return reads;
    }

    /// <summary>The reads of candidate <paramref name="index"/>, with the request's planned turbines (request inputs, not store data) within the same reach.</summary>
    public Site For(int index, Point at, IReadOnlyList<Plant> planned)
    {
        var registered = _plants?[index] ?? [];
        var plannedNear = planned.Select(p => (Plant: p, DistanceM: p.Geometry.Distance(at))).Where(p => p.DistanceM <= _reach).ToList();
        var all = registered.Concat(plannedNear.Select(p => new PlantDistance(p.Plant, p.DistanceM)))
            .OrderBy(p => p.DistanceM).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).ToList();
        return new Site(
            registered.OrderBy(p => p.Plant.Id, StringComparer.Ordinal).ThenBy(p => p.Plant.Status).Select(p => (p.Plant, p.DistanceM)).ToList(),
            plannedNear, all, _heat?[index], _dwellings?[index], _municipalities?[index], _regions?[index]);
    }
}
