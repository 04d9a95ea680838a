using NetTopologySuite.Geometries;

namespace VeSiting.Core.Domain;

/// <summary>A DAR access address (adgangsadresse): street, house number, postcode and its access point in EPSG:25832.</summary>
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

    public string Label => $"{StreetName} {HouseNumber}, {PostCode} {PostCodeName}";
}
