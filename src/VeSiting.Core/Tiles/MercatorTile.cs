namespace VeSiting.Core.Tiles;

/// <summary>
/// The one tile-arithmetic type: a Web Mercator tile z/x/y in tile units (0…extent, y down) with a buffer around it.
/// Which EPSG:25832 points fall in it and at which integer position (rounded half to even, as PostGIS's
/// ST_AsMVTGeom snaps), its bounds in longitude/latitude and in EPSG:25832, and the ground size of its pixels.
/// Vector tiles use <see cref="VectorExtent"/> and <see cref="VectorBuffer"/> (PostGIS's ST_AsMVT queries use the
/// same), PNG tiles 256 px without a buffer.
/// </summary>
public readonly record struct MercatorTile(int Z, int X, int Y, int Extent = MercatorTile.VectorExtent, int Buffer = MercatorTile.VectorBuffer)
{
    public const int MaxZoom = 20;
    public const int VectorExtent = 4096;
    /// <summary>Features are kept this far outside a tile: 8 px of 256, 128 units of 4096.</summary>
    public const double MarginPixels = 8;
    public const int VectorBuffer = (int)(VectorExtent * MarginPixels / 256);

    /// <summary>Whether z/x/y names a tile (zoom 0…<see cref="MaxZoom"/>, x and y inside the zoom's grid).</summary>
    public static bool IsValid(int z, int x, int y) => z is >= 0 and <= MaxZoom && x >= 0 && x < 1 << z && y >= 0 && y < 1 << z;

    private double Scale => (double)Extent * (1L << Z);

    /// <summary>The (fractional) tile position of an EPSG:25832 point.</summary>
    public (double Px, double Py) Position(double easting, double northing)
    {
        var (ux, uy) = Utm32WebMercator.ToUnitSquare(easting, northing);
        return (ux * Scale - (double)X * Extent, uy * Scale - (double)Y * Extent);
    }

    /// <summary>The integer position of a point inside the tile and its buffer (edges included); false outside.</summary>
    public bool TryPosition(double easting, double northing, out int px, out int py)
    {
        var (fx, fy) = Position(easting, northing);
        if (fx < -Buffer || fx > Extent + Buffer || fy < -Buffer || fy > Extent + Buffer)
        {
            (px, py) = (0, 0);
            return false;
        }
        (px, py) = ((int)Math.Round(fx), (int)Math.Round(fy));
        return true;
    }

    /// <summary>Longitude of a (fractional) tile position, in tile units.</summary>
    public double Lon(double px) => (X + px / Extent) / (1L << Z) * 360 - 180;

    /// <summary>Latitude of a (fractional) tile position: margins are measured in web-mercator units, as ST_TileEnvelope/ST_Expand do.</summary>
    public double Lat(double py) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * (Y + py / Extent) / (1L << Z)))) * 180 / Math.PI;

    public double West => Lon(0);
    public double East => Lon(Extent);
    public double North => Lat(0);
    public double South => Lat(Extent);

    /// <summary>Ground metres per pixel of a 256 px tile at Danish latitudes (≈ 56°).</summary>
    public double MetresPerPixel => 40_075_016.686 * Math.Cos(56 * Math.PI / 180) / (256.0 * (1L << Z));

    /// <summary>
    /// An EPSG:25832 box holding the tile and its buffer: its densified outline transformed, grown by one metre
    /// (the outline curves by far less than that between the densified points).
    /// </summary>
    public (double MinE, double MinN, double MaxE, double MaxN) Utm32Box()
    {
        const int steps = 8;
        var (minE, minN, maxE, maxN) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        var grown = (double)Buffer / Extent;
        for (var i = 0; i <= steps; i++)
        {
            var t = -grown + (1 + 2 * grown) * i / steps;
            foreach (var (u, v) in new[] { (t, -grown), (t, 1 + grown), (-grown, t), (1 + grown, t) })
            {
                var (e, n) = CoordinateTransformer.Instance.ToUtm32(Lon(u * Extent), Lat(v * Extent));
                (minE, minN, maxE, maxN) = (Math.Min(minE, e), Math.Min(minN, n), Math.Max(maxE, e), Math.Max(maxN, n));
            }
        }
        return (minE - 1, minN - 1, maxE + 1, maxN + 1);
    }

    /// <summary>The tile and its buffer as lon/lat bounds, within the web-mercator world.</summary>
    private (double W, double E, double S, double N) Grown() =>
        (Math.Max(-180, Lon(-Buffer)), Math.Min(180, Lon(Extent + Buffer)), Math.Max(-85.05, Lat(Extent + Buffer)), Math.Min(85.05, Lat(-Buffer)));

    /// <summary>The tile and its buffer in EPSG:25832, the edges densified so the curved outline is followed.</summary>
    public Geometry Utm32Area()
    {
        var (w, e, s, n) = Grown();
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

    /// <summary>The tile's lon/lat rectangle grown by its buffer, for clipping lon/lat features before encoding.</summary>
    public Geometry LonLatClip()
    {
        var (w, e, s, n) = Grown();
        return GeometryTransforms.FactoryFor(Epsg.Wgs84).ToGeometry(new Envelope(w, e, s, n));
    }

    /// <summary>The zoom-<paramref name="z"/> tile that holds an EPSG:25832 point.</summary>
    public static (int X, int Y) TileOf(double easting, double northing, int z)
    {
        var (ux, uy) = Utm32WebMercator.ToUnitSquare(easting, northing);
        var n = 1 << z;
        return (Math.Clamp((int)Math.Floor(ux * n), 0, n - 1), Math.Clamp((int)Math.Floor(uy * n), 0, n - 1));
    }
}
