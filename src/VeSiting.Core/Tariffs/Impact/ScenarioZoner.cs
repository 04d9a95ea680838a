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
    private readonly Envelope[] _envelope;
    private readonly (double X, double Y)[] _vertex;
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
        (_envelope, _vertex) = (new Envelope[n], new (double, double)[n]);
        var extent = new Envelope();
        for (var i = 0; i < n; i++)
        {
            var g = _plants[i].Geometry;
            var c = g.Centroid.Coordinate;
            (_x[i], _y[i]) = (c.X, c.Y);
            _isPoint[i] = g is Point;
            _envelope[i] = g.EnvelopeInternal;
            _vertex[i] = (g.Coordinates[0].X, g.Coordinates[0].Y);
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
    /// The zone index (or −1) of every point, with the same answers as <see cref="ZoneAt"/>. The points are sorted into small
    /// square cells (counting sort); each cell gathers the plants that can reach it and bounds, from each plant's nearest and
    /// farthest distance to the cell, the zones its points can have: where the bounds agree (most cells) every point of the
    /// cell gets that zone without a distance; elsewhere each point is tested against only the plants that can change its
    /// zone. The cells are shared out over <paramref name="degree"/> threads (default: every core), each with its own buffers.
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
        var grid = PointCells.Of(x, y, CellSizeM);
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = degree ?? Environment.ProcessorCount };
        var occupied = grid.Occupied;
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, occupied.Length, Math.Max(1, occupied.Length / (16 * options.MaxDegreeOfParallelism))), options,
            () => new CellWork(), (range, _, work) =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    var c = occupied[k];
                    var (x0, y0) = grid.Corner(c);
                    // Grown by a millimetre: a point's cell is found by division, which may put it a rounding error outside.
                    ZoneCell(x0 - BoxMarginM, y0 - BoxMarginM, x0 + grid.Size + BoxMarginM, y0 + grid.Size + BoxMarginM, grid, c, x, y, zones, work);
                }
                return work;
            }, _ => { });
        return zones;
    }

    /// <summary>The side of the cells points are sorted into: small against the reach, so that most cells lie wholly in one zone.</summary>
    private double CellSizeM => Math.Clamp(_reach / 20, 250, 1_000);

    private const double BoxMarginM = 0.001;

    /// <summary>Distances and scores this close to a zone's limit are decided point by point, never for a whole cell.</summary>
    private const double DecisionMarginM = 0.001, ScoreMargin = 1e-9;

    /// <summary>One thread's buffers: the plants near the cell, and those that can decide its points.</summary>
    private sealed class CellWork
    {
        public readonly List<int> Candidates = [];
        public readonly List<int> Deciding = [];
        public readonly List<(double Near, int Plant)> Nearest = [];
    }

    /// <summary>Zones the points of one cell (box x0..x1, y0..y1).</summary>
    private void ZoneCell(double x0, double y0, double x1, double y1, PointCells grid, int cell, double[] x, double[] y, int[] zones, CellWork work)
    {
        Candidates(x0, y0, x1, y1, work.Candidates);
        var deciding = work.Deciding;
        deciding.Clear();
        var zoneCount = _scenario.Zones.Count;
        int fixedZone;
        var surelyBanded = zoneCount;
        var floor = 0;
        if (_scenario.Basis == ZoneBasis.CapacityWeighted)
        {
            // Each plant adds MW × (1 − d / reach) when d < reach: at least its share at the farthest distance, at most at the nearest.
            double low = 0, high = 0;
            foreach (var i in work.Candidates)
            {
                var (near, far) = Bounds(i, x0, y0, x1, y1);
                if (near >= _reach)
                    continue;
                low += far < _reach ? _mw[i] * (1 - far / _reach) : 0;
                high += _mw[i] * (1 - near / _reach);
                deciding.Add(i);
            }
            var margin = ScoreMargin * Math.Max(1, high);
            var best = WeightedZone(high + margin);
            fixedZone = best == WeightedZone(low - margin) ? best : -2;
        }
        else
        {
            // Each plant's zone for a point lies between the first zone its nearest distance can reach and the first its farthest surely reaches.
            int lowest = zoneCount, surely = zoneCount;
            foreach (var i in work.Candidates)
            {
                var (near, far) = Bounds(i, x0, y0, x1, y1);
                var can = FirstZone(i, near - DecisionMarginM);
                if (can == zoneCount)
                    continue;
                lowest = Math.Min(lowest, can);
                surely = Math.Min(surely, FirstZone(i, far + DecisionMarginM));
            }
            surelyBanded = surely;
            if (lowest == surely)
            {
                fixedZone = lowest == zoneCount ? -1 : lowest;
            }
            else
            {
                fixedZone = -2;
                floor = lowest;
                // Only plants that can give a zone below the one the cell surely has can change a point's zone; nearest first,
                // so that a point usually meets the best zone the cell allows early and stops looking.
                var nearest = work.Nearest;
                nearest.Clear();
                foreach (var i in work.Candidates)
                {
                    var (near, _) = Bounds(i, x0, y0, x1, y1);
                    if (FirstZone(i, near - DecisionMarginM) < surely)
                        nearest.Add((near, i));
                }
                nearest.Sort();
                foreach (var (_, i) in nearest)
                    deciding.Add(i);
            }
        }
        var (start, end) = grid.Range(cell);
        var order = grid.Order;
        if (fixedZone != -2)
        {
            for (var p = start; p < end; p++)
                zones[order[p]] = fixedZone;
            return;
        }
        var weighted = _scenario.Basis == ZoneBasis.CapacityWeighted;
        for (var p = start; p < end; p++)
        {
            var i = order[p];
            var zone = ZoneAmong(deciding, x[i], y[i], floor);
            // Banded: the plants left out give every point of the cell the zone it surely has, or a later one.
            zones[i] = weighted || (zone >= 0 && zone < surelyBanded) ? zone : surelyBanded == zoneCount ? -1 : surelyBanded;
        }
    }

    /// <summary>The nearest and (an upper bound of) the farthest distance from plant <paramref name="i"/> to a point of the box.</summary>
    private (double Near, double Far) Bounds(int i, double x0, double y0, double x1, double y1)
    {
        if (_isPoint[i])
        {
            double dx = Math.Max(0, Math.Max(x0 - _x[i], _x[i] - x1)), dy = Math.Max(0, Math.Max(y0 - _y[i], _y[i] - y1));
            double fx = Math.Max(Math.Abs(_x[i] - x0), Math.Abs(_x[i] - x1)), fy = Math.Max(Math.Abs(_y[i] - y0), Math.Abs(_y[i] - y1));
            return (Math.Sqrt(dx * dx + dy * dy), Math.Sqrt(fx * fx + fy * fy));
        }
        // A polygon: no nearer than its envelope, no farther than one of its own vertices.
        var e = _envelope[i];
        double ex = Math.Max(0, Math.Max(x0 - e.MaxX, e.MinX - x1)), ey = Math.Max(0, Math.Max(y0 - e.MaxY, e.MinY - y1));
        var (vx, vy) = _vertex[i];
        double gx = Math.Max(Math.Abs(vx - x0), Math.Abs(vx - x1)), gy = Math.Max(Math.Abs(vy - y0), Math.Abs(vy - y1));
        return (Math.Sqrt(ex * ex + ey * ey), Math.Sqrt(gx * gx + gy * gy));
    }

    /// <summary>The first zone plant <paramref name="i"/> qualifies for at distance <paramref name="d"/>; the zone count when none (as <see cref="ZoneAmong"/>).</summary>
    private int FirstZone(int i, double d)
    {
        if (d > _reach)
            return _scenario.Zones.Count;
        var zones = _scenario.Zones;
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = zones[z];
            if ((zone.MaxDistanceM is not { } max || d <= max) && (zone.MaxMultipleOfH is not { } m || (!double.IsNaN(_height[i]) && d <= m * _height[i])))
                return z;
        }
        return zones.Count;
    }

    /// <summary>The zone index of a capacity-weighted score, or −1 below every zone.</summary>
    private int WeightedZone(double score)
    {
        var zones = _scenario.Zones;
        for (var z = 0; z < zones.Count; z++)
        {
            if (score >= (zones[z].MinScore ?? double.PositiveInfinity))
                return z;
        }
        return -1;
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

    /// <summary>The zone of a point among the candidates (−1: none); banded, it stops at <paramref name="floor"/>, the best zone any of them can give.</summary>
    private int ZoneAmong(List<int> candidates, double x, double y, int floor = 0)
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
            if (best <= floor)
                break;
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
