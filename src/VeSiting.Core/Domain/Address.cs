using NetTopologySuite.Geometries;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Domain;

/// <summary>
/// An access address (DAR adgangsadresse, or an OpenStreetMap address): street, house number, postcode and its access
/// point in EPSG:25832. A 2D EPSG:25832 point is kept as its two coordinates and made into a point each time
/// <see cref="Position"/> is read (a point object takes about 150 bytes more, which matters with the national millions).
/// </summary>
public sealed record Address
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);
    private readonly Point? _point;
    private readonly double _x;
    private readonly double _y;

    public required string Id { get; init; }
    public required int MunicipalityCode { get; init; }
    public required string StreetName { get; init; }
    public required string HouseNumber { get; init; }
    public required int PostCode { get; init; }
    public required string PostCodeName { get; init; }
    public required Point Position
    {
        get => _point ?? Utm.CreatePoint(new Coordinate(_x, _y));
        init
        {
            var packable = ReferenceEquals(value.Factory, Utm) && !value.IsEmpty && value.UserData is null && double.IsNaN(value.CoordinateSequence.GetZ(0)) && double.IsNaN(value.CoordinateSequence.GetM(0));
            if (packable)
                (_x, _y) = (value.X, value.Y);
            else
                _point = value;
        }
    }

    /// <summary>The position's easting and northing (without making a point).</summary>
    public (double X, double Y) Xy => _point is { } p ? (p.X, p.Y) : (_x, _y);
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
