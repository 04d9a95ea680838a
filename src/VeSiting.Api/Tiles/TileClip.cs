namespace VeSiting.Api.Tiles;

/// <summary>Clipping of small convex polygons in tile units to the tile's buffered square (Sutherland–Hodgman), and rounding to whole units.</summary>
public static class TileClip
{
    /// <summary>Clips <paramref name="polygon"/> to [min, max]² into <paramref name="result"/> (room for twice the points); the number of points.</summary>
    public static int Polygon(ReadOnlySpan<(double X, double Y)> polygon, Span<(double X, double Y)> result, Span<(double X, double Y)> scratch, double min, double max)
    {
        polygon.CopyTo(result);
        var n = polygon.Length;
        for (var edge = 0; edge < 4 && n > 0; edge++)
        {
            result[..n].CopyTo(scratch);
            var input = scratch[..n];
            n = 0;
            for (var i = 0; i < input.Length; i++)
            {
                var (a, b) = (input[i], input[(i + 1) % input.Length]);
                var (inA, inB) = (Inside(a, edge, min, max), Inside(b, edge, min, max));
                if (inA)
                    result[n++] = a;
                if (inA != inB)
                    result[n++] = Crossing(a, b, edge, min, max);
            }
        }
        return n;
    }

    /// <summary>The points rounded to whole units (half to even, as ST_AsMVTGeom snaps), repeated points dropped; the number kept (0 when fewer than 3 remain or the ring has no area).</summary>
    public static int Round(ReadOnlySpan<(double X, double Y)> points, Span<(int X, int Y)> ring)
    {
        var n = 0;
        foreach (var (x, y) in points)
        {
            var p = ((int)Math.Round(x), (int)Math.Round(y));
            if (n == 0 || ring[n - 1] != p)
                ring[n++] = p;
        }
        while (n > 1 && ring[n - 1] == ring[0])
            n--;
        long twiceArea = 0;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % n]);
            twiceArea += (long)a.X * b.Y - (long)b.X * a.Y;
        }
        return n >= 3 && twiceArea > 0 ? n : 0;
    }

    private static bool Inside((double X, double Y) p, int edge, double min, double max) => edge switch
    {
        0 => p.X >= min,
        1 => p.X <= max,
        2 => p.Y >= min,
        _ => p.Y <= max,
    };

    private static (double X, double Y) Crossing((double X, double Y) a, (double X, double Y) b, int edge, double min, double max)
    {
        var bound = edge is 0 or 2 ? min : max;
        if (edge < 2)
        {
            var t = (bound - a.X) / (b.X - a.X);
            return (bound, a.Y + t * (b.Y - a.Y));
        }
        var s = (bound - a.Y) / (b.Y - a.Y);
        return (a.X + s * (b.X - a.X), bound);
    }
}
