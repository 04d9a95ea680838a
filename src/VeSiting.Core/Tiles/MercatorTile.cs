using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tiles;

/// <summary>
/// A Web Mercator tile z/x/y in vector-tile units (0…extent, y down), with a buffer around it: which EPSG:25832 points
/// fall in it, at which integer position (rounded half to even, as PostGIS's ST_AsMVTGeom snaps), and the EPSG:25832
/// box that surely holds them (for an index query).
/// </summary>
public readonly record struct MercatorTile(int Z, int X, int Y, int Extent = 4096, int Buffer = 128)
{
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
                var lon = (X + u) / (1L << Z) * 360 - 180;
                var lat = Math.Atan(Math.Sinh(Math.PI * (1 - 2 * (Y + v) / (1L << Z)))) * 180 / Math.PI;
                var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
                (minE, minN, maxE, maxN) = (Math.Min(minE, e), Math.Min(minN, n), Math.Max(maxE, e), Math.Max(maxN, n));
            }
        }
        return (minE - 1, minN - 1, maxE + 1, maxN + 1);
    }

    /// <summary>The zoom-<paramref name="z"/> tile that holds an EPSG:25832 point.</summary>
    public static (int X, int Y) TileOf(double easting, double northing, int z)
    {
        var (ux, uy) = Utm32WebMercator.ToUnitSquare(easting, northing);
        var n = 1 << z;
        return (Math.Clamp((int)Math.Floor(ux * n), 0, n - 1), Math.Clamp((int)Math.Floor(uy * n), 0, n - 1));
    }
}
