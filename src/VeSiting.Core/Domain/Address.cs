using NetTopologySuite.Geometries;

namespace VeSiting.Core.Domain;

/// <summary>An access address (DAR adgangsadresse, or an OpenStreetMap address): street, house number, postcode and its access point in EPSG:25832.</summary>
public sealed record Address
{
    public required string Id { get; init; }
    public required int MunicipalityCode { get; init; }
    public required string StreetName { get; init; }
    public required string HouseNumber { get; init; }
    public required int PostCode { get; init; }
    public required string PostCodeName { get; init; }
    public required Point Position { get; init; }
    public required RecordOrigin Origin { get; init; }

    /// <summary>
    /// Households (dwelling units) at this access address, where the data says so (unit addresses or BBR dwellings);
    /// null when unknown, and answers then assume one household per access address and say so.
    /// </summary>
    public int? Households { get; init; }

    /// <summary>True when <see cref="Households"/> counts the BBR dwelling units at this access address (user-loaded BBR units), not its unit addresses.</summary>
    public bool HouseholdsFromBbr { get; init; }

    /// <summary>True when <see cref="Households"/> is the <c>building:flats</c> of the address's OpenStreetMap building (see the osm source).</summary>
    public bool HouseholdsFromBuildingFlats { get; init; }

    public string Label => $"{StreetName} {HouseNumber}, {PostCode} {PostCodeName}";
}
