using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;
using VeSiting.Core.Tariffs;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>The zones of a distance-based tariff scenario as areas (a proposal): each zone the union of its reach around covered plants, less the zones inside it.</summary>
public sealed class TariffZoneTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("tariff-zones", "Tariff zones (proposal)", "Zones of a distance-based tariff scenario (?scenario=, default banded-distance). A proposal, not law.", 6, 20, TileLayer.Polygons, ["scenario"], "zone",
        [VectorLayerSchema.Of("tariff-zones", ("zone", TileFieldType.String), ("label", TileFieldType.String), ("scenario", TileFieldType.String))],
        [new("A", "#006d2c", "Zone A (proposal)"), new("B", "#31a354", "Zone B (proposal)"), new("C", "#a1d99b", "Zone C (proposal)")]);

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        if (scenario.Basis != ZoneBasis.Distance)
            throw RefusalProblems.Invalid("scenario", Reason.Of("tiles.capacity-weighted", ("value", $"'{scenario.Id}'")));
        var area = request.Utm32Area;
        var nearby = (await data.Store.PlantsWithinAsync(area, scenario.SearchRadiusM, PlantFilter.Any, cancellationToken))
            .Where(p => scenario.CoveredPlants.Covers(p.Plant)).ToList();
        var list = new List<TileFeature>();
        Geometry? inner = null;
        var segments = request.Tile.Z < 10 ? 8 : 16;
        foreach (var zone in scenario.Zones)
        {
            var buffers = nearby.Select(p => Reach(zone, p.Plant) is { } r ? p.Plant.Geometry.Buffer(r, segments) : null).OfType<Geometry>().ToList();
            if (buffers.Count == 0)
                continue;
            var union = Valid(CascadedPolygonUnion.Union(buffers)).Intersection(area);
            var band = Valid(inner is null ? union : union.Difference(inner));
            inner = inner is null ? union : inner.Union(union);
            if (!band.IsEmpty)
                list.Add(new("tariff-zones", band, TileAttributes.Of(("zone", zone.Id), ("label", zone.Label), ("scenario", scenario.Id))));
        }
        return list;
    }

    private static Geometry Valid(Geometry g) => g.IsValid ? g : GeometryFixer.Fix(g);

    private static double? Reach(TariffZone zone, Plant plant) =>
        new[] { zone.MaxDistanceM, zone.MaxMultipleOfH is { } k && plant.TotalHeightM is { } h ? k * h : null }.Where(v => v is not null).Min();
}
