using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;

namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// A scenario's zone at many points at once: the covered plants bucketed on a square grid; <see cref="ZoneAll"/> sorts the
/// points into cells and tests each cell's points against only the plants within the scenario's reach of that cell. Same semantics as <see cref="ZoneResolver"/> (banded: the first zone any covered
/// plant qualifies for, by distance and multiples of H; weighted: Σ MW × (1 − d / radius) over plants closer than the
/// radius, the first zone whose minimum score it reaches), without the words. Distances to a plant's geometry (a solar
/// park's polygon). Thread-safe after construction.
/// </summary>
public sealed class ScenarioZoner
{
    private readonly TariffScenario _scenario;
    private readonly Plant[] _plants;
    private readonly double[] _x, _y, _height, _mw, _size;
    private readonly bool[] _isPoint;
    private readonly double _reach, _bucket, _x0, _y0;
    private readonly int _columns, _rows;
    private readonly int[] _start, _items;

    public ScenarioZoner(TariffScenario scenario, IEnumerable<Plant> plants)
    {
        _scenario = scenario;
        _plants = plants.Where(scenario.CoveredPlants.Covers).ToArray();
        _reach = scenario.SearchRadiusM;
        var n = _plants.Length;
        (_x, _y, _height, _mw, _size, _isPoint) = (new double[n], new double[n], new double[n], new double[n], new double[n], new bool[n]);
        var extent = new Envelope();
        for (var i = 0; i < n; i++)
        {
            var g = _plants[i].Geometry;
            var c = g.Centroid.Coordinate;
            (_x[i], _y[i]) = (c.X, c.Y);
            _isPoint[i] = g is Point;
            _size[i] = _isPoint[i] ? 0 : Math.Sqrt(g.EnvelopeInternal.Width * g.EnvelopeInternal.Width + g.EnvelopeInternal.Height * g.EnvelopeInternal.Height);
            _height[i] = _plants[i].TotalHeightM ?? double.NaN;
            _mw[i] = _plants[i].CapacityMw ?? 0;
            extent.ExpandToInclude(g.EnvelopeInternal);
        }
        _bucket = Math.Max(1_000, _reach / 4);
        if (extent.IsNull)
        {
            (_columns, _rows, _start, _items) = (0, 0, [0], []);
            return;
        }
        // Buckets over the plants' extent grown by the reach, so that every point within reach of a plant falls on the grid.
        _x0 = extent.MinX - _reach;
        _y0 = extent.MinY - _reach;
        _columns = (int)Math.Ceiling((extent.MaxX + _reach - _x0) / _bucket) + 1;
        _rows = (int)Math.Ceiling((extent.MaxY + _reach - _y0) / _bucket) + 1;
        var counts = new int[_columns * _rows + 1];
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = (int)((_y[i] - _y0) / _bucket) * _columns + (int)((_x[i] - _x0) / _bucket);
            counts[cellOf[i] + 1]++;
        }
        for (var c = 1; c < counts.Length; c++) counts[c] += counts[c - 1];
        _start = counts;
        _items = new int[n];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < n; i++) _items[fill[cellOf[i]]++] = i;
    }

    public int CoveredPlants => _plants.Length;

    /// <summary>The index of the point's zone in <see cref="TariffScenario.Zones"/>, or −1 outside every zone.</summary>
    public int ZoneAt(double x, double y)
    {
        if (_plants.Length == 0)
            return -1;
        var candidates = new List<int>();
        Candidates(x, y, x, y, candidates);
        return ZoneAmong(candidates, x, y);
    }

    /// <summary>
    /// The zone index (or −1) of every point, with the same answers as <see cref="ZoneAt"/>: the points are sorted into
    /// square cells once, each cell gathers the plants that can reach any point in it, and its points test only those.
    /// The cells are shared out over <paramref name="degree"/> threads (default: every core).
    /// </summary>
    public int[] ZoneAll(double[] x, double[] y, int? degree = null, CancellationToken cancellationToken = default)
    {
        var n = x.Length;
        var zones = new int[n];
        if (_plants.Length == 0 || n == 0)
        {
            Array.Fill(zones, -1);
            return zones;
        }
        // Points by cell (counting sort), cells a quarter of the reach wide (at least 1 km): few candidates per point, few cells.
        var cell = Math.Max(1_000, _reach / 4);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            (minX, maxX) = (Math.Min(minX, x[i]), Math.Max(maxX, x[i]));
            (minY, maxY) = (Math.Min(minY, y[i]), Math.Max(maxY, y[i]));
        }
        var columns = (int)((maxX - minX) / cell) + 1;
        var rows = (int)((maxY - minY) / cell) + 1;
        var start = new int[columns * rows + 1];
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = (int)((y[i] - minY) / cell) * columns + (int)((x[i] - minX) / cell);
            start[cellOf[i] + 1]++;
        }
        for (var c = 1; c < start.Length; c++) start[c] += start[c - 1];
        var order = new int[n];
        var fill = (int[])start.Clone();
        for (var i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;
        var occupied = Enumerable.Range(0, columns * rows).Where(c => start[c + 1] > start[c]).ToArray();

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = degree ?? Environment.ProcessorCount };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, occupied.Length, Math.Max(1, occupied.Length / (8 * options.MaxDegreeOfParallelism))), options,
            () => new List<int>(), (range, _, candidates) =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    var c = occupied[k];
                    double x0 = minX + c % columns * cell, y0 = minY + c / columns * cell;
                    Candidates(x0, y0, x0 + cell, y0 + cell, candidates);
                    for (var p = start[c]; p < start[c + 1]; p++)
                    {
                        var i = order[p];
                        zones[i] = ZoneAmong(candidates, x[i], y[i]);
                    }
                }
                return candidates;
            }, _ => { });
        return zones;
    }

    /// <summary>The plants that can reach a point of the box: the buckets around it, each plant's centroid within the reach (plus its own size) of the box.</summary>
    private void Candidates(double x0, double y0, double x1, double y1, List<int> into)
    {
        into.Clear();
        var span = (int)Math.Ceiling(_reach / _bucket) + 1;
        int c0 = (int)Math.Floor((x0 - _x0) / _bucket) - span, c1 = (int)Math.Floor((x1 - _x0) / _bucket) + span;
        int r0 = (int)Math.Floor((y0 - _y0) / _bucket) - span, r1 = (int)Math.Floor((y1 - _y0) / _bucket) + span;
        for (var r = Math.Max(0, r0); r <= Math.Min(_rows - 1, r1); r++)
        {
            for (var c = Math.Max(0, c0); c <= Math.Min(_columns - 1, c1); c++)
            {
                var bucket = r * _columns + c;
                for (var k = _start[bucket]; k < _start[bucket + 1]; k++)
                {
                    var i = _items[k];
                    double dx = Math.Max(0, Math.Max(x0 - _x[i], _x[i] - x1)), dy = Math.Max(0, Math.Max(y0 - _y[i], _y[i] - y1));
                    var limit = _reach + _size[i];
                    if (dx * dx + dy * dy <= limit * limit)
                        into.Add(i);
                }
            }
        }
    }

    private int ZoneAmong(List<int> candidates, double x, double y)
    {
        var zones = _scenario.Zones;
        var weighted = _scenario.Basis == ZoneBasis.CapacityWeighted;
        var best = zones.Count; // banded: the first qualifying zone
        var score = 0.0;
        var reach2 = _reach * _reach;
        foreach (var i in candidates)
        {
            double dx = _x[i] - x, dy = _y[i] - y;
            var d2 = dx * dx + dy * dy;
            // A point plant beyond the reach is passed over without a square root; a polygon only when its centroid is beyond the reach plus its own size.
            if (_isPoint[i] ? d2 > reach2 : d2 > (_reach + _size[i]) * (_reach + _size[i]))
                continue;
            var d = _isPoint[i] ? Math.Sqrt(d2) : _plants[i].Geometry.Distance(new Point(x, y));
            if (d > _reach)
                continue;
            if (weighted)
            {
                if (d < _reach) score += _mw[i] * (1 - d / _reach);
                continue;
            }
            for (var z = 0; z < best; z++)
            {
                var zone = zones[z];
                if ((zone.MaxDistanceM is not { } max || d <= max) && (zone.MaxMultipleOfH is not { } m || (!double.IsNaN(_height[i]) && d <= m * _height[i])))
                {
                    best = z;
                    break;
                }
            }
        }
        if (!weighted)
            return best < zones.Count ? best : -1;
        for (var z = 0; z < zones.Count; z++)
        {
            if (score >= (zones[z].MinScore ?? double.PositiveInfinity))
                return z;
        }
        return -1;
    }
}
