namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// What the data holds at street level, for the offline base map: building footprints, every address, and the plants'
/// footprints (a turbine's rotor disc, a solar park's area), so a zoomed-in map is never empty without an online base map.
/// </summary>
public sealed class MapDetailTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("map-detail", "Buildings, addresses and plant footprints", "Street-level detail of the offline base map: building footprints (GeoDanmark), addresses (DAR) and plant footprints (rotor discs, solar areas).",
        14, 20, TileLayer.Polygons, ["scenario"], "kind", [VectorLayerSchema.Of("buildings", ("kind", TileFieldType.String), ("id", TileFieldType.String), ("building_type", TileFieldType.String)), VectorLayerSchema.Of("addresses", ("kind", TileFieldType.String), ("label", TileFieldType.String)),
         VectorLayerSchema.Of("footprints", ("kind", TileFieldType.String), ("plant", TileFieldType.String))],
        [new("building", "#c9c2b8", "Building"), new("address", "#6e7781", "Address"), new("rotor", "#1f77b4", "Rotor disc"), new("solar", "#f2a900", "Solar area")]);

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var area = request.Utm32Area;
        var list = new List<TileFeature>();
        foreach (var b in (await data.Store.SitesWithinAsync(area, 0, cancellationToken)).Buildings)
            list.Add(new("buildings", b.Building.Footprint, TileAttributes.Of(("kind", "building"), ("id", b.Building.Id), ("building_type", b.Building.BuildingType))));
        foreach (var a in await data.Store.AddressesInAsync(area, cancellationToken))
            list.Add(new("addresses", a.Position, TileAttributes.Of(("kind", "address"), ("label", a.Label))));
        foreach (var hit in await data.Store.PlantsWithinAsync(area, 0, PlantFilter.Any, cancellationToken))
        {
            var p = hit.Plant;
            Geometry? footprint = p switch
            {
                { Geometry: Polygon or MultiPolygon } => p.Geometry,
                { Kind: PlantKind.WindTurbine, RotorDiameterM: > 0 and var d } => Circles.Disc(p.Geometry, d / 2, request.Tile.MetresPerPixel),
                _ => null,
            };
            if (footprint is not null)
                list.Add(new("footprints", footprint, TileAttributes.Of(("kind", p.Kind == PlantKind.WindTurbine ? "rotor" : "solar"), ("plant", p.Id))));
        }
        return list;
    }
}
