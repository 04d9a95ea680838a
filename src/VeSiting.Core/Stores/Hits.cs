namespace VeSiting.Core.Stores;

/// <summary>A plant and its horizontal distance in metres (EPSG:25832) from the query geometry.</summary>
public sealed record PlantDistance(Plant Plant, double DistanceM);

/// <summary>An address and its distance in metres from the query geometry.</summary>
public sealed record AddressDistance(Address Address, double DistanceM);

/// <summary>A district-heating plant and its distance in metres from the query point.</summary>
public sealed record DistrictHeatingDistance(DistrictHeatingPlant Plant, double DistanceM);

/// <summary>A building and its distance in metres (footprint to query geometry; 0 when they touch).</summary>
public sealed record BuildingDistance(Building Building, double DistanceM);

/// <summary>The sites near a geometry: addresses and buildings, each ordered by distance.</summary>
public sealed record SitesNear(IReadOnlyList<AddressDistance> Addresses, IReadOnlyList<BuildingDistance> Buildings);
