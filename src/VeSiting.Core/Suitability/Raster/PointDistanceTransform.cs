using System.Runtime.CompilerServices;
namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// Distance from every cell centre to the nearest of a set of points, by the separable algorithm of Felzenszwalb and
/// Huttenlocher ("Distance Transforms of Sampled Functions", 2012) run on the points themselves rather than on cells:
/// the points are bucketed into narrow columns of width <see cref="StripWidth"/>; for each row, each column offers the
/// point nearest in y (exact), placed at its exact x; the lower envelope of those parabolas along the row gives the
/// distance at every cell centre. The answer is the distance to a real point and exceeds the exact nearest distance by
/// at most the strip width (when a strip holds several points and a farther-in-y one of them is nearer overall).
/// Rows run in parallel; no per-cell allocation.
/// </summary>
public static class PointDistanceTransform
{
    /// <summary>Strips a quarter of a cell wide, at most 10 m: the error bound, well inside a cell.</summary>
    public static double StripWidth(double cellSize) => Math.Min(cellSize / 4, 10);

    /// <summary>Fills <paramref name="distance"/> (metres per cell, NaN when there are no points) and, when given,
    /// <paramref name="nearest"/> (the index of the point each distance is measured to, −1 when none).</summary>
    public static void Compute(RasterGrid grid, IReadOnlyList<(double X, double Y)> points, float[] distance, int[]? nearest = null, CancellationToken cancellationToken = default)
    {
        if (points.Count == 0)
        {
            Array.Fill(distance, float.NaN);
            if (nearest is not null) Array.Fill(nearest, -1);
            return;
        }
        var width = StripWidth(grid.CellSize);
        // Points sorted by (strip, y): strip s holds order[start[s] .. start[s + 1]).
        var minX = points.Min(p => p.X);
        var strips = new int[points.Count];
        for (var i = 0; i < points.Count; i++) strips[i] = (int)Math.Floor((points[i].X - minX) / width);
        var order = Enumerable.Range(0, points.Count).ToArray();
        Array.Sort(order, (a, b) => strips[a] != strips[b] ? strips[a].CompareTo(strips[b]) : points[a].Y.CompareTo(points[b].Y));
        var starts = new List<int>();
        for (var i = 0; i < order.Length; i++)
        {
            if (i == 0 || strips[order[i]] != strips[order[i - 1]])
                starts.Add(i);
        }
        var stripCount = starts.Count;
        starts.Add(order.Length);
        var ys = order.Select(i => points[i].Y).ToArray();
        var xs = order.Select(i => points[i].X - grid.West).ToArray(); // relative to the grid: smaller squares, less rounding

        // Rows in blocks: each block walks its strips' pointers downwards (north to south) instead of searching.
        var blocks = grid.Count < RasterGrid.ParallelFromCells ? 1 : Math.Min(grid.Rows, Environment.ProcessorCount * 8);
        Parallel.For(0, blocks, grid.Parallelism(cancellationToken), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block) =>
        {
            var rowFrom = (int)((long)grid.Rows * block / blocks);
            var rowTo = (int)((long)grid.Rows * (block + 1) / blocks);
            var cursor = new int[stripCount];
            var siteX = new double[stripCount];
            var siteH = new double[stripCount];
            var siteIndex = new int[stripCount];
            var hull = new int[stripCount];
            var bounds = new double[stripCount + 1];
            for (var r = rowFrom; r < rowTo; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var y = grid.CentreY(r);
                for (var s = 0; s < stripCount; s++)
                {
                    // Within a strip, y ascends; rows go south, so the nearest point's index only moves down.
                    int lo = starts[s], hi = starts[s + 1] - 1;
                    var k = r == rowFrom ? UpperBound(ys, lo, hi, y) : cursor[s];
                    while (k > lo && ys[k - 1] > y) k--;
                    cursor[s] = k;
                    // Nearest in y: ys[k − 1] ≤ y < ys[k] (either may be missing).
                    var best = k > hi ? hi : k;
                    if (k > lo && (k > hi || y - ys[k - 1] <= ys[k] - y))
                        best = k - 1;
                    siteX[s] = xs[best];
                    siteH[s] = (y - ys[best]) * (y - ys[best]);
                    siteIndex[s] = order[best];
                }
                LowerEnvelope(grid, r, siteX, siteH, siteIndex, stripCount, hull, bounds, distance, nearest);
            }
        });
    }

    /// <summary>Where the parabolas of sites q and v (siteX[v] &lt; siteX[q]) meet.</summary>
    private static double Intersection(double[] siteX, double[] siteH, int q, int v) =>
        (siteH[q] + siteX[q] * siteX[q] - (siteH[v] + siteX[v] * siteX[v])) / (2 * (siteX[q] - siteX[v]));

    /// <summary>The first index in [lo, hi] whose y exceeds <paramref name="y"/> (hi + 1 when none).</summary>
    private static int UpperBound(double[] ys, int lo, int hi, double y)
    {
        int a = lo, b = hi + 1;
        while (a < b)
        {
            var m = (a + b) >>> 1;
            if (ys[m] <= y) a = m + 1; else b = m;
        }
        return a;
    }

    /// <summary>Felzenszwalb–Huttenlocher: the lower envelope of (x − siteX)² + siteH, read at the row's cell centres.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LowerEnvelope(RasterGrid grid, int row, double[] siteX, double[] siteH, int[] siteIndex, int count, int[] hull, double[] bounds, float[] distance, int[]? nearest)
    {
        var k = 0;
        hull[0] = 0;
        bounds[0] = double.NegativeInfinity;
        bounds[1] = double.PositiveInfinity;
        for (var q = 1; q < count; q++)
        {
            var s = Intersection(siteX, siteH, q, hull[k]);
            while (s <= bounds[k])
            {
                k--;
                s = Intersection(siteX, siteH, q, hull[k]);
            }
            k++;
            hull[k] = q;
            bounds[k] = s;
            bounds[k + 1] = double.PositiveInfinity;
        }
        var j = 0;
        var offset = (long)row * grid.Columns;
        for (var c = 0; c < grid.Columns; c++)
        {
            var x = (c + 0.5) * grid.CellSize;
            while (bounds[j + 1] < x) j++;
            var v = hull[j];
            var dx = x - siteX[v];
            distance[offset + c] = (float)Math.Sqrt(dx * dx + siteH[v]);
            if (nearest is not null) nearest[offset + c] = siteIndex[v];
        }
    }
}
