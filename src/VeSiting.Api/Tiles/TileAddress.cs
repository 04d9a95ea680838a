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

    public double West => X / (double)(1 << Z) * 360 - 180;
    public double East => (X + 1) / (double)(1 << Z) * 360 - 180;
    public double North => Lat(Y);
    public double South => Lat(Y + 1);

    private double Lat(int y)
    {
        var n = Math.PI - 2 * Math.PI * y / (1 << Z);
        return 180 / Math.PI * Math.Atan(Math.Sinh(n));
    }

    /// <summary>Ground metres per pixel of a 256 px tile at Danish latitudes (≈ 56°).</summary>
    public double MetresPerPixel => 40_075_016.686 * Math.Cos(56 * Math.PI / 180) / (256.0 * (1 << Z));

    /// <summary>The tile's area in EPSG:25832, its edges densified so the curved outline is followed, grown by <paramref name="marginPixels"/>.</summary>
    public Geometry Utm32Area(double marginPixels = 0)
    {
        var dx = (East - West) * marginPixels / 256;
        var dy = (North - South) * marginPixels / 256;
        var (w, e, s, n) = (Math.Max(-180, West - dx), Math.Min(180, East + dx), Math.Max(-85, South - dy), Math.Min(85, North + dy));
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
        var dx = (East - West) * marginPixels / 256;
        var dy = (North - South) * marginPixels / 256;
        return GeometryTransforms.FactoryFor(Epsg.Wgs84).ToGeometry(new Envelope(West - dx, East + dx, South - dy, North + dy));
    }
}
