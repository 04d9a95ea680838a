using NetTopologySuite.Geometries;

namespace VeSiting.Core.Domain;

/// <summary>A GeoDanmark building footprint (2D, EPSG:25832) with its BBR id and building type.</summary>
public sealed record Building
{
    public required string Id { get; init; }
    public string? BbrId { get; init; }
    public required string BuildingType { get; init; }
    public required Geometry Footprint { get; init; }
    public required RecordOrigin Origin { get; init; }
}
