namespace VeSiting.Core.Domain;

/// <summary>A district-heating company or plant as a point in EPSG:25832.</summary>
public sealed record DistrictHeatingPlant
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Point Position { get; init; }
    public required RecordOrigin Origin { get; init; }
    public string? MainFuel { get; init; }
    public double? SupplyAreaKm2 { get; init; }
}
