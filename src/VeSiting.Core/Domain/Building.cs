using System.Diagnostics.CodeAnalysis;

namespace VeSiting.Core.Domain;

/// <summary>
/// A building footprint (2D, EPSG:25832; GeoDanmark or OpenStreetMap) with its BBR id and building type. A footprint
/// without holes is kept packed (<see cref="PackedRings"/>: about a fifth of a polygon's memory, which matters with the
/// national millions) and made into a polygon each time <see cref="Footprint"/> is read.
/// </summary>
public sealed record Building
{
    private readonly Geometry? _footprint;
    private readonly double[]? _packed;

    public Building()
    {
    }

    /// <summary>A building whose footprint is already packed (see <see cref="PackedRings"/>), e.g. read from a cache.</summary>
    // Footprint is read from the packed shell, which this constructor sets (the compiler cannot see that).
#pragma warning disable CS8618
    [SetsRequiredMembers]
    public Building(string id, string? bbrId, string buildingType, double[] packedFootprint, RecordOrigin origin)
    {
        Id = id;
        BbrId = bbrId;
        BuildingType = buildingType;
        _packed = packedFootprint;
        Origin = origin;
    }
#pragma warning restore CS8618

    private readonly CompactId _id;
    private readonly CompactOrigin _origin;

    /// <summary>The id (an OpenStreetMap one, <c>osm:way/123</c>, is kept as a number and made again when read).</summary>
    public required string Id { get => _id.Value; init => _id = CompactId.Of(value); }
    public string? BbrId { get; init; }
    public required string BuildingType { get; init; }

    public required Geometry Footprint
    {
        get => _footprint ?? PackedRings.ToPolygon(_packed!);
        init
        {
            _packed = PackedRings.TryPack(value);
            _footprint = _packed is null ? value : null;
        }
    }

    /// <summary>The footprint's bounding box (without making the polygon).</summary>
    public Envelope Envelope => _footprint?.EnvelopeInternal ?? PackedRings.EnvelopeOf(_packed!);

    /// <summary>Where the record came from (one of an OpenStreetMap file is kept as its row and element: <see cref="CompactOrigin"/>).</summary>
    public required RecordOrigin Origin { get => _origin.Value; init => _origin = CompactOrigin.Of(value); }

    public bool Equals(Building? other) =>
        other is not null && Id == other.Id && BbrId == other.BbrId && BuildingType == other.BuildingType && Origin == other.Origin
        && (_packed is not null && other._packed is not null ? _packed.AsSpan().SequenceEqual(other._packed) : Footprint.EqualsExact(other.Footprint));

    public override int GetHashCode() => HashCode.Combine(Id, BbrId, BuildingType, Origin);
}
