using NetTopologySuite.Geometries;
using VeSiting.Api.Hosting;
using VeSiting.Core.Spatial;

namespace VeSiting.Api.Tiles;

/// <summary>A web-mercator tile z/x/y, checked, with its bounds in longitude/latitude and in EPSG:25832.</summary>
public sealed record TileAddress(int Z, int X, int Y)
{
    public const int MaxZoom = 20;

    public static TileAddress Parse(int z, int x, int y)
    {
        if (z is < 0 or > MaxZoom)
            throw new ProblemException("z", $"{z} is not a zoom level from 0 to {MaxZoom}");
        var n = 1 << z;
        if (x < 0 || x >= n)
            throw new ProblemException("x", $"{x} is outside 0–{n - 1} at zoom {z}");
        if (y < 0 || y >= n)
            throw new ProblemException("y", $"{y} is outside 0–{n - 1} at zoom {z}");
        return new TileAddress(z, x, y);
    }

    public double West => Lon(X);
    public double East => Lon(X + 1);
    public double North => Lat(Y);
    public double South => Lat(Y + 1);

    /// <summary>Longitude of a (fractional) tile column.</summary>
    private double Lon(double x) => x / (1 << Z) * 360 - 180;

    /// <summary>Latitude of a (fractional) tile row: margins are measured in web-mercator units, as ST_TileEnvelope/ST_Expand do.</summary>
    private double Lat(double y)
    {
        var n = Math.PI - 2 * Math.PI * y / (1 << Z);
        return 180 / Math.PI * Math.Atan(Math.Sinh(n));
    }

    private (double W, double E, double S, double N) Grown(double marginPixels)
    {
        var m = marginPixels / 256;
        return (Math.Max(-180, Lon(X - m)), Math.Min(180, Lon(X + 1 + m)), Math.Max(-85.05, Lat(Y + 1 + m)), Math.Min(85.05, Lat(Y - m)));
    }

    /// <summary>Ground metres per pixel of a 256 px tile at Danish latitudes (≈ 56°).</summary>
    public double MetresPerPixel => 40_075_016.686 * Math.Cos(56 * Math.PI / 180) / (256.0 * (1 << Z));

    /// <summary>The tile's area in EPSG:25832, its edges densified so the curved outline is followed, grown by <paramref name="marginPixels"/>.</summary>
    public Geometry Utm32Area(double marginPixels = 0)
    {
        var (w, e, s, n) = Grown(marginPixels);
        // Clipped to Denmark's extent first: a tile of a low zoom spans half the world, which UTM 32 cannot project
        // (z0–z1 tiles came out empty); no feature lies outside the extent.
        (w, e, s, n) = (Math.Max(w, DenmarkExtent.MinLon), Math.Min(e, DenmarkExtent.MaxLon), Math.Max(s, DenmarkExtent.MinLat), Math.Min(n, DenmarkExtent.MaxLat));
        if (w >= e || s >= n)
            return GeometryTransforms.FactoryFor(Epsg.Utm32).CreatePolygon();
        const int steps = 8;
        var ring = new List<Coordinate>();
        for (var i = 0; i < steps; i++) ring.Add(new Coordinate(w + (e - w) * i / steps, s));
        for (var i = 0; i < steps; i++) ring.Add(new Coordinate(e, s + (n - s) * i / steps));
        for (var i = 0; i < steps; i++) ring.Add(new Coordinate(e - (e - w) * i / steps, n));
        for (var i = 0; i < steps; i++) ring.Add(new Coordinate(w, n - (n - s) * i / steps));
        ring.Add(ring[0]);
        var polygon = GeometryTransforms.FactoryFor(Epsg.Wgs84).CreatePolygon(ring.ToArray());
        return GeometryTransforms.Transform(polygon, Epsg.Wgs84, Epsg.Utm32);
    }

    /// <summary>The tile's lon/lat rectangle grown by a margin, for clipping features before encoding.</summary>
    public Geometry LonLatClip(double marginPixels)
    {
        var (w, e, s, n) = Grown(marginPixels);
        return GeometryTransforms.FactoryFor(Epsg.Wgs84).ToGeometry(new Envelope(w, e, s, n));
    }
}
