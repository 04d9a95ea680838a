namespace VeSiting.Core.Questions;

/// <summary>A location as typed: each front end maps its own syntax onto these fields (null: not given).</summary>
public sealed record LocationText(string? Lat = null, string? Lon = null, string? E = null, string? N = null, string? Address = null, string? Building = null);

/// <summary>A location resolved to a site (a point, or a building's footprint), the label the answer shows, and the address it came from.</summary>
public sealed record ResolvedLocation(Geometry Site, string Label, Address? Address)
{
    /// <summary>The site as one point (a footprint's centroid).</summary>
    public Point Point => Site as Point ?? Site.Centroid;
}

/// <summary>
/// Where a question is about: latitude and longitude (WGS 84), easting and northing (EPSG:25832), an address text or a
/// building (GeoDanmark or BBR id); exactly one, checked to lie in Denmark. Refusals name the field (<c>location</c>,
/// <c>lat</c>, <c>lon</c>, <c>e</c>, <c>n</c>, <c>address</c>, <c>building</c>) with the same reason for every front end.
/// </summary>
public abstract record LocationQuestion
{
    private LocationQuestion()
    {
    }

    public sealed record LatLon(double Lat, double Lon) : LocationQuestion;

    public sealed record Utm(double E, double N) : LocationQuestion;

    public sealed record AddressText(string Text) : LocationQuestion;

    public sealed record BuildingId(string Id) : LocationQuestion;

    public const string Field = "location";

    /// <summary>The one location given, or the refusal; <paramref name="buildings"/> false when the question takes no building.</summary>
    public static Outcome<LocationQuestion> Parse(LocationText text, bool buildings = true)
    {
        var given = new[] { text.Lat is not null || text.Lon is not null, text.E is not null || text.N is not null, text.Address is not null, text.Building is not null }
            .Count(g => g);
        if (given != 1 || (!buildings && text.Building is not null))
            return Refusal.Invalid(Field, Reason.Of(buildings ? "location.exactly-one" : "location.exactly-one-no-building"));
        if (text.Address is { } address)
            return new AddressText(address);
        if (text.Building is { } building)
            return new BuildingId(building);
        if (text.E is not null || text.N is not null)
        {
            if (!Pair(new("e", text.E, -1e7, 1e8, ValueText.What("easting")), new("n", text.N, -1e7, 1e8, ValueText.What("northing")),
                    "location.utm-together").TryGet(out var utm, out var bad))
                return bad;
            var (e, n) = utm;
            return DenmarkExtent.ContainsUtm32(e, n) ? new Utm(e, n)
                : Refusal.Invalid("e", Reason.Of("location.outside-extent", ("point", $"({F(e)}, {F(n)})"), ("extent", DenmarkExtent.DescribeUtm32)));
        }
        if (!Pair(new("lat", text.Lat, -90, 90, ValueText.What("latitude")), new("lon", text.Lon, -180, 180, ValueText.What("longitude")), "location.latlon-together").TryGet(out var wgs, out var refusal))
            return refusal;
        var (lat, lon) = wgs;
        return DenmarkExtent.ContainsLonLat(lon, lat) ? new LatLon(lat, lon)
            : Refusal.Invalid("lat", Reason.Of("location.outside-denmark", ("point", $"({F(lat)}, {F(lon)})"), ("extent", DenmarkExtent.DescribeLonLat)));
    }

    /// <summary>One ordinate as typed: its field, its text (null: not given) and its range.</summary>
    private sealed record Ordinate(string Field, string? Text, double Min, double Max, Reason What);

    /// <summary>Two ordinates given together, each a finite number in its range.</summary>
    private static Outcome<(double First, double Second)> Pair(Ordinate first, Ordinate second, string together)
    {
        if (first.Text is null || second.Text is null)
            return Refusal.Invalid(first.Text is null ? first.Field : second.Field, Reason.Of(together));
        foreach (var ordinate in new[] { first, second })
            if (ValueText.Number(ordinate.Text!, ordinate.Min, ordinate.Max, ordinate.What) is { } bad)
                return Refusal.Invalid(ordinate.Field, bad);
        return (ValueText.ParsedNumber(first.Text), ValueText.ParsedNumber(second.Text));
    }

    /// <summary>The site in EPSG:25832 and its label; an address or building the data does not hold is "not found".</summary>
    public async Task<Outcome<ResolvedLocation>> ResolveAsync(ISpatialStore store, CancellationToken cancellationToken = default)
    {
        switch (this)
        {
            case AddressText(var text):
                var found = await store.SearchAddressesAsync(text, 1, cancellationToken);
                return found.Count == 0
                    ? Refusal.NotFound("address", Reason.Of("location.no-address", ("value", ValueText.Echo(text))))
                    : new ResolvedLocation(found[0].Position, found[0].Label, found[0]);
            case BuildingId(var id):
                var building = await store.FindBuildingAsync(id, cancellationToken);
                return building is null
                    ? Refusal.NotFound("building", Reason.Of("location.no-building", ("value", ValueText.Echo(id))))
                    : new ResolvedLocation(building.Footprint, building.BbrId is { } bbr ? $"building {building.Id} (BBR {bbr})" : $"building {building.Id}", null);
            case Utm(var e, var n):
                return new ResolvedLocation(GeometryTransforms.Utm32Point(e, n), $"E {F(e)} N {F(n)} (EPSG:25832)", null);
            case LatLon(var lat, var lon):
                var (x, y) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
                return new ResolvedLocation(GeometryTransforms.Utm32Point(x, y), $"lat {F(lat)} lon {F(lon)}", null);
            default:
                throw new InvalidOperationException($"unknown location {GetType().Name}");
        }
    }

    private static string F(double v) => v.ToString("0.#######", CultureInfo.InvariantCulture);
}
