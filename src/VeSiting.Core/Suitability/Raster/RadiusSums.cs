using NetTopologySuite.Geometries;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>What an item adds to the cells around it.</summary>
public enum RadiusKernel
{
    /// <summary>Its weight to every cell centre within the radius (distance ≤ radius).</summary>
    ClosedDisc,
    /// <summary>Its weight to every cell centre strictly inside the radius (distance &lt; radius).</summary>
    OpenDisc,
    /// <summary>weight × (1 − distance / radius) to every cell centre strictly inside the radius.</summary>
    Cone,
}

/// <summary>A weighted item: a point (the fast path) or an area, whose distance is to its nearest part.</summary>
public readonly record struct RadiusItem(Geometry Geometry, double Radius, double Weight);

/// <summary>
/// Sums over items within a radius of every cell centre, exactly (distances from the cell centre to the item, not to
/// its cell). Discs go row by row: each point item adds its weight at the first cell of its span in the row and takes
/// it off after the last, and one running sum per row reads the totals (a one-dimensional summed-area table).
/// Rows run in parallel; each row owns its part of the output, so nothing is shared.
/// </summary>
public static class RadiusSums
{
    public static void Sum(RasterGrid grid, IReadOnlyList<RadiusItem> items, RadiusKernel kernel, double[] output, CancellationToken cancellationToken = default)
    {
        var points = items.Where(i => i.Geometry is Point && i.Radius > 0).OrderBy(i => i.Geometry.Coordinate.Y).ToArray();
        var areas = items.Where(i => i.Geometry is not Point && i.Radius > 0).ToArray();
        var ys = points.Select(p => p.Geometry.Coordinate.Y).ToArray();
        var maxRadius = points.Length == 0 ? 0 : points.Max(p => p.Radius);
        var cell = grid.CellSize;
        Parallel.For(0, grid.Rows, new ParallelOptions { CancellationToken = cancellationToken }, () => new double[grid.Columns + 1], (r, _, diff) =>
        {
            var y = grid.CentreY(r);
            var offset = (long)r * grid.Columns;
            Array.Clear(diff);
            var from = LowerBound(ys, y - maxRadius);
            for (var i = from; i < points.Length && ys[i] <= y + maxRadius; i++)
            {
                var item = points[i];
                var dy = y - ys[i];
                var half2 = item.Radius * item.Radius - dy * dy;
                if (half2 < 0 || kernel != RadiusKernel.ClosedDisc && half2 == 0)
                    continue;
                var half = Math.Sqrt(half2);
                var x = item.Geometry.Coordinate.X - grid.West;
                int first, last;
                if (kernel == RadiusKernel.ClosedDisc)
                {
                    first = (int)Math.Ceiling((x - half) / cell - 0.5);
                    last = (int)Math.Floor((x + half) / cell - 0.5);
                }
                else
                {
                    first = (int)Math.Floor((x - half) / cell - 0.5) + 1;
                    last = (int)Math.Ceiling((x + half) / cell - 0.5) - 1;
                }
                first = Math.Max(first, 0);
                last = Math.Min(last, grid.Columns - 1);
                if (last < first)
                    continue;
                if (kernel == RadiusKernel.Cone)
                {
                    for (var c = first; c <= last; c++)
                    {
                        var dx = (c + 0.5) * cell - x;
                        var d = Math.Sqrt(dx * dx + dy * dy);
                        if (d < item.Radius)
                            output[offset + c] += item.Weight * (1 - d / item.Radius);
                    }
                }
                else
                {
                    diff[first] += item.Weight;
                    diff[last + 1] -= item.Weight;
                }
            }
            if (kernel != RadiusKernel.Cone)
            {
                var running = 0.0;
                for (var c = 0; c < grid.Columns; c++)
                {
                    running += diff[c];
                    output[offset + c] += running;
                }
            }
            foreach (var area in areas)
                AddArea(grid, r, area, kernel, output);
            return diff;
        }, _ => { });
    }

    /// <summary>The slow path for areas (planned solar parks): the exact distance to the geometry from each cell nearby.</summary>
    private static void AddArea(RasterGrid grid, int row, RadiusItem item, RadiusKernel kernel, double[] output)
    {
        var envelope = item.Geometry.EnvelopeInternal;
        var y = grid.CentreY(row);
        if (y < envelope.MinY - item.Radius || y > envelope.MaxY + item.Radius)
            return;
        var first = Math.Max(0, (int)Math.Floor((envelope.MinX - item.Radius - grid.West) / grid.CellSize));
        var last = Math.Min(grid.Columns - 1, (int)Math.Ceiling((envelope.MaxX + item.Radius - grid.West) / grid.CellSize));
        var factory = item.Geometry.Factory;
        for (var c = first; c <= last; c++)
        {
            var d = item.Geometry.Distance(factory.CreatePoint(new Coordinate(grid.CentreX(c), y)));
            var add = kernel switch
            {
                RadiusKernel.ClosedDisc => d <= item.Radius ? item.Weight : 0,
                RadiusKernel.OpenDisc => d < item.Radius ? item.Weight : 0,
                _ => d < item.Radius ? item.Weight * (1 - d / item.Radius) : 0,
            };
            output[(long)row * grid.Columns + c] += add;
        }
    }

    private static int LowerBound(double[] ys, double y)
    {
        int a = 0, b = ys.Length;
        while (a < b)
        {
            var m = (a + b) >>> 1;
            if (ys[m] < y) a = m + 1; else b = m;
        }
        return a;
    }
}
