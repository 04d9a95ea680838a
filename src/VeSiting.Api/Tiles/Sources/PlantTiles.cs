using VeSiting.Core.Projects;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>Plants in operation or planned, as points with their kind, status, name, capacity and height.</summary>
public sealed class PlantTiles(ServiceData data) : ITileSource
{
    private static readonly PlantFilter Current = new() { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating, PlantStatus.Planned } };

    public TileLayer Layer { get; } = new("plants", "Plants", "Wind turbines, wind farms, solar parks and other plants in operation or planned, sized by capacity.", 0, 20, TileLayer.Points, ["scenario"], "kind",
        [VectorLayerSchema.Of("plants", ("id", TileFieldType.String), ("project", TileFieldType.String), ("kind", TileFieldType.String), ("status", TileFieldType.String), ("name", TileFieldType.String), ("capacity_mw", TileFieldType.Number), ("total_height_m", TileFieldType.Number))],
        [new("WindTurbine", "#1f77b4", "Wind turbine"), new("WindFarm", "#17becf", "Wind farm"), new("SolarPark", "#f2a900", "Solar park"), new("Other", "#7f7f7f", "Other plant")])
    {
        // Sized by capacity: 2 px plus 1.5 px per √MW, 2–12 px.
        Style = new TileStyle(SizeBy: new PointSize("capacity_mw", 2, 1.5, 2, 12)),
    };

    // Half away from zero, as PostgreSQL's numeric round() in the PostGIS store's tile SQL: 18.5 kW is 0.019 MW on both.
    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken) =>
        (await data.Store.PlantsWithinAsync(request.Utm32Area, 0, Current, cancellationToken))
            .Select(p => new TileFeature("plants", p.Plant.Geometry, TileAttributes.Of(("id", p.Plant.Id), ("project", PlantProject.KeyOf(p.Plant)), ("kind", p.Plant.Kind.ToString()), ("status", p.Plant.Status.ToString()),
                ("name", p.Plant.Name ?? p.Plant.Model), ("capacity_mw", p.Plant.CapacityMw is { } mw ? Math.Round(mw, 3, MidpointRounding.AwayFromZero) : null),
                ("total_height_m", p.Plant.TotalHeightM))))
            .ToList();
}
