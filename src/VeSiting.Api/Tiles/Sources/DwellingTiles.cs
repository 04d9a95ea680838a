using VeSiting.Core.Tariffs;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// Addresses coloured by their tariff zone under a scenario (a proposal). Two store queries per tile: the addresses
/// in the tile, and every plant within the scenario's search radius of the tile; each address's nearby plants are
/// then found among those in memory, with the distances the store would give (to the plant's geometry).
/// </summary>
public sealed class DwellingTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("dwellings", "Dwellings by zone (proposal)", "Addresses coloured by their tariff zone under a scenario (?scenario=, default banded-distance). A proposal, not law.", 12, 20, TileLayer.Points, ["scenario"], "zone",
        [VectorLayerSchema.Of("dwellings", ("id", TileFieldType.String), ("label", TileFieldType.String), ("zone", TileFieldType.String), ("scenario", TileFieldType.String))],
        [new("A", "#006d2c", "Zone A (proposal)"), new("B", "#31a354", "Zone B (proposal)"), new("C", "#a1d99b", "Zone C (proposal)"), new("none", "#636363", "No zone")]);

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var radius = scenario.SearchRadiusM;
        var addresses = (await data.Store.AddressesInAsync(request.Utm32Area, cancellationToken)).Take(request.MaxFeatures).ToList();
        if (addresses.Count == 0)
            return [];
        var plants = await data.Store.PlantsWithinAsync(request.Utm32Area, radius, PlantFilter.Any, cancellationToken);
        var list = new List<TileFeature>(addresses.Count);
        var nearby = new List<PlantDistance>();
        foreach (var a in addresses)
        {
            var position = a.Position;
            var (x, y) = (position.X, position.Y);
            nearby.Clear();
            foreach (var p in plants)
            {
                var box = p.Plant.Geometry.EnvelopeInternal;
                var dx = Math.Max(0, Math.Max(box.MinX - x, x - box.MaxX));
                var dy = Math.Max(0, Math.Max(box.MinY - y, y - box.MaxY));
                if (dx * dx + dy * dy > radius * radius)
                    continue;
                var distance = position.Distance(p.Plant.Geometry);
                if (distance <= radius)
                    nearby.Add(new PlantDistance(p.Plant, distance));
            }
            var zone = ZoneResolver.Resolve(scenario, nearby).Zone;
            list.Add(new("dwellings", position, TileAttributes.Of(("id", a.Id), ("label", a.Label), ("zone", zone?.Id ?? "none"), ("scenario", scenario.Id))));
        }
        return list;
    }
}
