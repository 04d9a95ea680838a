namespace VeSiting.Core.Suitability.Places;

/// <summary>
/// The places of a ranked grid by a <see cref="DistinctSiteRule"/>: best first, each a contiguous run of cells around its
/// best cell and within the separation of it, the best cells at least the separation apart. A cell passed over (taken by a better place, or too
/// close to one) never starts or joins a later place, so a place's best cell is its best. Pure.
/// </summary>
public static class DistinctSites
{
    /// <summary>At most <paramref name="count"/> places of a score grid (NaN: not ranked), best first, each with its best cell's index.</summary>
    public static IReadOnlyList<(long BestIndex, SitePlace Place)> Find(RasterGrid grid, double[] score, int count, DistinctSiteRule rule, CancellationToken cancellationToken = default)
    {
        var places = new List<(long BestIndex, SitePlace Place)>();
        if (count <= 0 || grid.Count == 0)
            return places;
        var passed = new bool[grid.Count];
        var bests = new List<(double X, double Y)>();
        var near = new SeparationIndex(rule.SeparationM);
        // The rank order is read in growing prefixes: a place takes many cells, and the rest of a national grid is never sorted.
        var read = 0;
        var want = Math.Max(256, count * 32);
        while (true)
        {
            var order = RankOrder.Top(grid, score, want);
            for (var k = read; k < order.Count && places.Count < count; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var best = order[k];
                if (passed[best])
                    continue;
                passed[best] = true;
                var (x, y) = Centre(grid, best);
                if (near.Closest(x, y, bests) is { } closer && closer.Distance < rule.SeparationM)
                    continue;
                var floor = score[best] - rule.Tolerance;
                var cells = Grow(grid, score, passed, best, floor, rule.SeparationM);
                var id = Id(grid, best);
                var why = Reason.Of("siting.place", ("cells", cells.Count), ("cellM", grid.CellSize), ("areaHa", cells.Count * grid.CellSize * grid.CellSize / 10_000),
                    ("floor", Math.Max(0, floor)), ("tolerance", rule.Tolerance), ("best", id), ("score", score[best]));
                if (Nearest(x, y, bests) is { } better)
                    why = Reason.Of("siting.place-apart", ("place", why), ("distanceKm", better.Distance / 1000), ("otherRank", better.Index + 1), ("separationM", rule.SeparationM));
                places.Add((best, new SitePlace(id, cells.Count, cells.Count * grid.CellSize * grid.CellSize, Math.Max(0, floor), Outline(grid, cells), why)));
                bests.Add((x, y));
                near.Add(x, y, bests.Count - 1);
            }
            if (places.Count >= count || order.Count < want)
                return places;
            read = order.Count;
            want *= 4;
        }
    }

    /// <summary>
    /// The cells connected to <paramref name="start"/> (8-neighbours) scoring at least <paramref name="floor"/>, not passed over
    /// yet and (with a separation) closer to it than the separation, so that an evenly good area is shared among places; marks them passed.
    /// </summary>
    private static List<long> Grow(RasterGrid grid, double[] score, bool[] passed, long start, double floor, double separationM)
    {
        var (x0, y0) = Centre(grid, start);
        var cells = new List<long> { start };
        var stack = new Stack<long>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            int column = (int)(i % grid.Columns), row = (int)(i / grid.Columns);
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    int c = column + dc, r = row + dr;
                    if ((dr == 0 && dc == 0) || c < 0 || r < 0 || c >= grid.Columns || r >= grid.Rows)
                        continue;
                    var j = (long)r * grid.Columns + c;
                    if (passed[j] || !(score[j] >= floor))
                        continue;
                    if (separationM > 0)
                    {
                        double dx = grid.CentreX(c) - x0, dy = grid.CentreY(r) - y0;
                        if (dx * dx + dy * dy >= separationM * separationM)
                            continue;
                    }
                    passed[j] = true;
                    cells.Add(j);
                    stack.Push(j);
                }
            }
        }
        return cells;
    }

    /// <summary>The union of the cells' squares: one rectangle per run of cells in a row, then dissolved.</summary>
    private static Geometry Outline(RasterGrid grid, List<long> cells)
    {
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        cells.Sort();
        var runs = new List<Geometry>();
        var k = 0;
        while (k < cells.Count)
        {
            var first = cells[k];
            var last = first;
            while (k + 1 < cells.Count && cells[k + 1] == last + 1 && (last + 1) % grid.Columns != 0)
                last = cells[++k];
            k++;
            int row = (int)(first / grid.Columns), c0 = (int)(first % grid.Columns), c1 = (int)(last % grid.Columns);
            var south = grid.North - (row + 1) * grid.CellSize;
            runs.Add(factory.ToGeometry(new Envelope(grid.West + c0 * grid.CellSize, grid.West + (c1 + 1) * grid.CellSize, south, south + grid.CellSize)));
        }
        return runs.Count == 1 ? runs[0] : factory.BuildGeometry(runs).Union();
    }

    private static (double X, double Y) Centre(RasterGrid grid, long i) => (grid.CentreX((int)(i % grid.Columns)), grid.CentreY((int)(i / grid.Columns)));

    private static string Id(RasterGrid grid, long i) => grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns));

    private static (int Index, double Distance)? Nearest(double x, double y, List<(double X, double Y)> bests)
    {
        (int Index, double Distance)? nearest = null;
        for (var i = 0; i < bests.Count; i++)
        {
            var d = Math.Sqrt((bests[i].X - x) * (bests[i].X - x) + (bests[i].Y - y) * (bests[i].Y - y));
            if (nearest is null || d < nearest.Value.Distance)
                nearest = (i, d);
        }
        return nearest;
    }

    /// <summary>Places' best cells in square buckets of the separation: the places within it are in the 3 × 3 buckets around a cell.</summary>
    private sealed class SeparationIndex(double separationM)
    {
        private readonly Dictionary<(long, long), List<int>> _buckets = [];

        public void Add(double x, double y, int index)
        {
            if (separationM <= 0)
                return;
            var key = Key(x, y);
            if (!_buckets.TryGetValue(key, out var list))
                _buckets[key] = list = [];
            list.Add(index);
        }

        /// <summary>The nearest place within the 3 × 3 buckets (any within the separation is among them), or null.</summary>
        public (int Index, double Distance)? Closest(double x, double y, List<(double X, double Y)> bests)
        {
            if (separationM <= 0)
                return null;
            var (bx, by) = Key(x, y);
            (int Index, double Distance)? nearest = null;
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!_buckets.TryGetValue((bx + dx, by + dy), out var list))
                        continue;
                    foreach (var i in list)
                    {
                        var d = Math.Sqrt((bests[i].X - x) * (bests[i].X - x) + (bests[i].Y - y) * (bests[i].Y - y));
                        if (nearest is null || d < nearest.Value.Distance)
                            nearest = (i, d);
                    }
                }
            }
            return nearest;
        }

        private (long, long) Key(double x, double y) => ((long)Math.Floor(x / separationM), (long)Math.Floor(y / separationM));
    }
}
