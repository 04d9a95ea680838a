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

    private readonly CompactId _id;
    private readonly CompactOrigin _origin;

    /// <summary>The id (an OpenStreetMap one, <c>osm:way/123</c>, is kept as a number and made again when read).</summary>
    public required string Id { get => _id.Value; init => _id = CompactId.Of(value); }
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
    /// <summary>Where the record came from (one of an OpenStreetMap file is kept as its row and element: <see cref="CompactOrigin"/>).</summary>
    public required RecordOrigin Origin { get => _origin.Value; init => _origin = CompactOrigin.Of(value); }

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
