namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// What one OpenStreetMap file holds for VeSiting: its addresses (municipality 0 until they are placed by the
/// boundaries; postcode 0 where the element gives none), building footprints and wind and solar plants (joined to the
/// register by the loader), all in EPSG:25832.
/// </summary>
public sealed record OsmExtract(IReadOnlyList<Address> Addresses, IReadOnlyList<Building> Buildings, IReadOnlyList<OsmPlant> Plants)
{
    /// <summary>Where the addresses (whose municipality codes it set) and footprints lie, once placed; null until then.</summary>
    public OsmPlacement? Placement { get; init; }
}

/// <summary>
/// A <c>power=generator|plant</c> with <c>generator:source</c> (or <c>plant:source</c>) wind or solar: <paramref name="Element"/>
/// is its OSM id (<c>node/123</c>), <paramref name="Gsrn"/> its <c>dk:esid</c> (the ENS register's GSRN) where tagged.
/// </summary>
public sealed record OsmPlant(string Element, PlantKind Kind, string? Gsrn, Geometry Geometry, RecordOrigin Origin)
{
    /// <summary>Tagged <c>power=plant</c> (a park as a whole), not <c>power=generator</c> (one turbine, one panel array).</summary>
    public bool IsPowerPlant { get; init; }

    public string? Name { get; init; }
    public double? CapacityKw { get; init; }
    public double? HubHeightM { get; init; }
    public double? RotorDiameterM { get; init; }
}
