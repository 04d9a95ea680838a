using System.Runtime.CompilerServices;

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
/// it off after the last, and one running sum per row reads the totals (a one-dimensional summed-area table), so an
/// item costs one step per row it reaches, not one per cell. Rows run in parallel with row-sized buffers of their own.
/// </summary>
public static class RadiusSums
{
    /// <summary>Adds the sums to <paramref name="output"/> (row-major, north row first).</summary>
    public static void Sum(RasterGrid grid, IReadOnlyList<RadiusItem> items, RadiusKernel kernel, double[] output, CancellationToken cancellationToken = default) =>
        Rows(grid, [items], kernel, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, sums) =>
        {
            var offset = (long)r * grid.Columns;
            for (var c = 0; c < grid.Columns; c++) output[offset + c] += sums[0][c];
        }, cancellationToken);

    /// <summary>Writes the sums to <paramref name="output"/>, each passed through <paramref name="map"/> first when given.</summary>
    public static void Sum(RasterGrid grid, IReadOnlyList<RadiusItem> items, RadiusKernel kernel, float[] output, Func<double, double>? map = null, CancellationToken cancellationToken = default) =>
        Rows(grid, [items], kernel, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, sums) =>
        {
            var offset = (long)r * grid.Columns;
            for (var c = 0; c < grid.Columns; c++) output[offset + c] = (float)(map is null ? sums[0][c] : map(sums[0][c]));
        }, cancellationToken);

    /// <summary>
    /// The sums of several layers of items, one row at a time: <paramref name="onRow"/> gets the row and each layer's
    /// sums for its cells (buffers reused for the next row; read them, do not keep them).
    /// </summary>
    public static void Rows(RasterGrid grid, IReadOnlyList<IReadOnlyList<RadiusItem>> layers, RadiusKernel kernel, Action<int, double[][]> onRow, CancellationToken cancellationToken = default) =>
        Rows(grid, layers.Select(RadiusLayer.Of).ToArray(), kernel, onRow, cancellationToken);

    /// <summary>As <see cref="Rows(RasterGrid, IReadOnlyList{IReadOnlyList{RadiusItem}}, RadiusKernel, Action{int, double[][]}, CancellationToken)"/>, for layers already laid out.</summary>
    internal static void Rows(RasterGrid grid, RadiusLayer[] layers, RadiusKernel kernel, Action<int, double[][]> onRow, CancellationToken cancellationToken = default) =>
        Parallel.For(0, grid.Rows, grid.Parallelism(cancellationToken),
            () => layers.Select(_ => new double[grid.Columns + 1]).ToArray(),
            (r, _, sums) =>
            {
                for (var l = 0; l < layers.Length; l++)
                    layers[l].SumRow(grid, r, kernel, sums[l]);
                onRow(r, sums);
                return sums;
            }, _ => { });

    /// <summary>Writes the sums of one laid-out layer to <paramref name="output"/>, each passed through <paramref name="map"/> first when given.</summary>
    internal static void Sum(RasterGrid grid, RadiusLayer layer, RadiusKernel kernel, float[] output, Func<double, double>? map, CancellationToken cancellationToken) =>
        Rows(grid, [layer], kernel, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, sums) =>
        {
            var offset = (long)r * grid.Columns;
            for (var c = 0; c < grid.Columns; c++) output[offset + c] = (float)(map is null ? sums[0][c] : map(sums[0][c]));
        }, cancellationToken);

    /// <summary>
    /// A layer of items laid out for the row sweep: point items as flat arrays sorted by y (no geometry touched per row),
    /// area items (planned solar parks) kept as geometries for the exact slow path.
    /// </summary>
    internal sealed class RadiusLayer
    {
        private readonly double[] _xs, _ys, _radii, _weights;
        private readonly RadiusItem[] _areas;
        private readonly double _maxRadius;

        /// <summary>Point items from flat arrays (taken over and sorted in place by y); items with no radius are dropped.</summary>
        public RadiusLayer(double[] xs, double[] ys, double[] radii, double[] weights, RadiusItem[]? areas = null)
        {
            var keep = Enumerable.Range(0, xs.Length).Where(i => radii[i] > 0).ToArray();
            if (keep.Length < xs.Length)
                (xs, ys, radii, weights) = (keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), keep.Select(i => radii[i]).ToArray(), keep.Select(i => weights[i]).ToArray());
            var order = Enumerable.Range(0, xs.Length).ToArray();
            Array.Sort((double[])ys.Clone(), order);
            _xs = order.Select(i => xs[i]).ToArray();
            _ys = order.Select(i => ys[i]).ToArray();
            _radii = order.Select(i => radii[i]).ToArray();
            _weights = order.Select(i => weights[i]).ToArray();
            _areas = areas ?? [];
            _maxRadius = _radii.Length == 0 ? 0 : _radii.Max();
        }

        public static RadiusLayer Of(IReadOnlyList<RadiusItem> items)
        {
            var points = items.Where(i => i.Geometry is Point).ToList();
            return new RadiusLayer(points.Select(p => p.Geometry.Coordinate.X).ToArray(), points.Select(p => p.Geometry.Coordinate.Y).ToArray(),
                points.Select(p => p.Radius).ToArray(), points.Select(p => p.Weight).ToArray(), items.Where(i => i.Geometry is not Point && i.Radius > 0).ToArray());
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SumRow(RasterGrid grid, int r, RadiusKernel kernel, double[] sums)
        {
            Array.Clear(sums);
            var y = grid.CentreY(r);
            var cell = grid.CellSize;
            var (xs, ys, radii, weights) = (_xs, _ys, _radii, _weights);
            for (var i = LowerBound(ys, y - _maxRadius); i < ys.Length && ys[i] <= y + _maxRadius; i++)
            {
                var radius = radii[i];
                var dy = y - ys[i];
                var half2 = radius * radius - dy * dy;
                if (half2 < 0 || kernel != RadiusKernel.ClosedDisc && half2 == 0)
                    continue;
                var half = Math.Sqrt(half2);
                var x = xs[i] - grid.West;
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
                        if (d < radius)
                            sums[c] += weights[i] * (1 - d / radius);
                    }
                }
                else
                {
                    sums[first] += weights[i];
                    sums[last + 1] -= weights[i];
                }
            }
            if (kernel != RadiusKernel.Cone)
            {
                var running = 0.0;
                var magnitude = 0.0;
                for (var c = 0; c < grid.Columns; c++)
                {
                    var step = sums[c];
                    running += step;
                    magnitude = Math.Max(magnitude, Math.Abs(step));
                    // Adding and taking off leaves rounding dust (1e-13) where nothing reaches: that is zero.
                    sums[c] = Math.Abs(running) < magnitude * 1e-12 ? 0 : running;
                }
            }
            foreach (var area in _areas)
                AddArea(grid, r, area, kernel, sums);
        }
    }

    /// <summary>The slow path for areas (planned solar parks): the exact distance to the geometry from each cell nearby.</summary>
    private static void AddArea(RasterGrid grid, int row, RadiusItem item, RadiusKernel kernel, double[] sums)
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
            sums[c] += kernel switch
            {
                RadiusKernel.ClosedDisc => d <= item.Radius ? item.Weight : 0,
                RadiusKernel.OpenDisc => d < item.Radius ? item.Weight : 0,
                _ => d < item.Radius ? item.Weight * (1 - d / item.Radius) : 0,
            };
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
