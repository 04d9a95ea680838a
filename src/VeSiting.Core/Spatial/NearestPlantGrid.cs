namespace VeSiting.Core.Spatial;

/// <summary>
/// Nearest plant for very many points (every dwelling in Denmark): a uniform grid of plant indices in EPSG:25832,
/// searched ring by ring from the query's cell until no unvisited cell can hold anything nearer. Point plants are
/// compared by exact Euclidean distance on flat arrays; plants with areas (solar parks) by exact NetTopologySuite
/// distance to their geometry. Ties are broken as the stores break them (distance, id in ordinal order, status).
/// Thread-safe after construction; queries allocate nothing.
/// </summary>
public sealed class NearestPlantGrid
{
    private readonly Plant[] _plants;
    private readonly double[] _x, _y;
    private readonly bool[] _isPoint;
    private readonly int[] _tieRank;
    private readonly double _cell, _x0, _y0;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart; // CSR: plants of cell c are _items[_cellStart[c] .. _cellStart[c + 1])
    private readonly int[] _items;

    public NearestPlantGrid(IReadOnlyList<Plant> plants, double cellSizeM = 4_000)
    {
        _plants = [.. plants];
        _cell = cellSizeM;
        var n = _plants.Length;
        _x = new double[n];
        _y = new double[n];
        _isPoint = new bool[n];
        var extent = new Envelope();
        for (var i = 0; i < n; i++)
        {
            var g = _plants[i].Geometry;
            _isPoint[i] = g is Point;
            var c = g is Point p ? p.Coordinate : g.EnvelopeInternal.Centre;
            (_x[i], _y[i]) = (c.X, c.Y);
            extent.ExpandToInclude(g.EnvelopeInternal);
        }
        var order = Enumerable.Range(0, n).OrderBy(i => _plants[i].Id, StringComparer.Ordinal).ThenBy(i => _plants[i].Status).ToArray();
        _tieRank = new int[n];
        for (var r = 0; r < n; r++) _tieRank[order[r]] = r;

        if (extent.IsNull) extent = new Envelope(0, 1, 0, 1);
        _x0 = extent.MinX;
        _y0 = extent.MinY;
        _columns = Math.Max(1, (int)Math.Ceiling(extent.Width / _cell) + 1);
        _rows = Math.Max(1, (int)Math.Ceiling(extent.Height / _cell) + 1);
        var counts = new int[_columns * _rows + 1];
        var cellsOf = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            var e = _plants[i].Geometry.EnvelopeInternal;
            cellsOf[i] = [];
            for (var r = Row(e.MinY); r <= Row(e.MaxY); r++)
                for (var c = Column(e.MinX); c <= Column(e.MaxX); c++)
                {
                    cellsOf[i].Add(r * _columns + c);
                    counts[r * _columns + c + 1]++;
                }
        }
        for (var c = 1; c < counts.Length; c++) counts[c] += counts[c - 1];
        _cellStart = counts;
        _items = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < n; i++)
            foreach (var cell in cellsOf[i])
                _items[fill[cell]++] = i;
    }

    public int Count => _plants.Length;

    public Plant this[int index] => _plants[index];

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _x0) / _cell), 0, _columns - 1);
    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _y0) / _cell), 0, _rows - 1);

    /// <summary>Index of the nearest plant to (x, y) and its distance; (-1, ∞) when there are no plants.</summary>
    public (int Index, double DistanceM) Nearest(double x, double y)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        var cx = (int)Math.Floor((x - _x0) / _cell);
        var cy = (int)Math.Floor((y - _y0) / _cell);
        var maxRing = Math.Max(_columns, _rows) + Math.Max(Math.Abs(cx), Math.Abs(cy));
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every cell of this ring is at least (ring - 1) cells away from the query point.
            if (best >= 0 && (ring - 1) * _cell > bestDistance)
                break;
            for (var r = cy - ring; r <= cy + ring; r++)
            {
                if (r < 0 || r >= _rows) continue;
                var step = r == cy - ring || r == cy + ring ? 1 : 2 * ring;
                for (var c = cx - ring; c <= cx + ring; c += Math.Max(1, step))
                {
                    if (c < 0 || c >= _columns) continue;
                    var cell = r * _columns + c;
                    for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                    {
                        var i = _items[k];
                        double d;
                        if (_isPoint[i])
                        {
                            var dx = _x[i] - x;
                            var dy = _y[i] - y;
                            d = Math.Sqrt(dx * dx + dy * dy);
                        }
                        else
                        {
                            d = DistanceToArea(i, x, y);
                        }
                        if (d < bestDistance || (d == bestDistance && best >= 0 && _tieRank[i] < _tieRank[best]))
                        {
                            best = i;
                            bestDistance = d;
                        }
                    }
                }
            }
        }
        return (best, bestDistance);
    }

    private double DistanceToArea(int i, double x, double y) =>
        _plants[i].Geometry.Distance(_plants[i].Geometry.Factory.CreatePoint(new Coordinate(x, y)));

    /// <summary>Nearest plant for every point, on all cores, into caller-supplied arrays (no allocation per point).</summary>
    public void NearestAll(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int[] nearest, double[] distances, IProgress<int>? progress = null)
    {
        if (xs.Length != ys.Length || nearest.Length < xs.Length || distances.Length < xs.Length)
            throw new ArgumentException("coordinate and result arrays must have matching lengths");
        var x = xs.ToArray();
        var y = ys.ToArray();
        var count = x.Length;
        var chunks = Math.Max(1, Environment.ProcessorCount * 8);
        var size = (count + chunks - 1) / chunks;
        var done = 0;
        Parallel.For(0, chunks, chunk =>
        {
            var from = chunk * size;
            var to = Math.Min(count, from + size);
            for (var i = from; i < to; i++)
                (nearest[i], distances[i]) = Nearest(x[i], y[i]);
            if (progress is not null && to > from)
                progress.Report(Interlocked.Add(ref done, to - from));
        });
    }
}
