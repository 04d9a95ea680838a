namespace VeSiting.Core.Noise;

/// <summary>The noise all turbines together give at one point: energies at 8 m/s (total and the planned project's part), at 6 m/s, and indoors at low frequency.</summary>
public readonly record struct NoiseAtPoint(double Energy8, double Energy6, double PlannedEnergy8, double PlannedEnergy6,
    double LowFrequencyEnergy8, double LowFrequencyEnergy6, int Turbines, int TurbinesWithoutLowFrequency, int EstimatedTurbines)
{
    public double Level8 => NoiseBands.Level(Energy8);
    public double Level6 => NoiseBands.Level(Energy6);
    public double PlannedLevel8 => NoiseBands.Level(PlannedEnergy8);
    public double PlannedLevel6 => NoiseBands.Level(PlannedEnergy6);
    /// <summary>Null when a turbine within reach has no low-frequency spectrum (or none is within reach): not assessable.</summary>
    public double? LowFrequencyLevel8 => TurbinesWithoutLowFrequency == 0 && Turbines > 0 ? NoiseBands.Level(LowFrequencyEnergy8) : null;
    public double? LowFrequencyLevel6 => TurbinesWithoutLowFrequency == 0 && Turbines > 0 ? NoiseBands.Level(LowFrequencyEnergy6) : null;
}

/// <summary>
/// Many turbines indexed for many points: each turbine sits in every cell of a square grid that its cut-off circle reaches, so a
/// point reads one cell and sums the turbines within their cut-off. A cell keeps its turbines' positions and squared cut-offs side by
/// side (in the turbines' order, so sums do not depend on the cell size), so rejecting one out of reach touches no turbine object.
/// Thread-safe for reads.
/// </summary>
public sealed class NoiseField
{
    /// <summary>Slack on the cell–circle test, so that rounding never leaves out a cell a point within the cut-off falls in.</summary>
    private const double CellSlackM = 1e-3;

    private readonly NoiseSource[] _sources;
    private readonly double _cell;
    private readonly double _minX, _minY;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart;
    private readonly int[] _entrySource;
    private readonly double[] _entryX, _entryY, _entryCutoff2;

    public NoiseField(IEnumerable<NoiseSource> sources, double cellSizeM = 1_000)
    {
        _sources = [.. sources];
        _cell = cellSizeM;
        if (_sources.Length == 0)
        {
            _cellStart = [0, 0];
            _entrySource = [];
            _entryX = _entryY = _entryCutoff2 = [];
            _columns = _rows = 1;
            return;
        }
        _minX = _sources.Min(s => s.X - s.CutoffM);
        _minY = _sources.Min(s => s.Y - s.CutoffM);
        _columns = (int)Math.Floor((_sources.Max(s => s.X + s.CutoffM) - _minX) / _cell) + 1;
        _rows = (int)Math.Floor((_sources.Max(s => s.Y + s.CutoffM) - _minY) / _cell) + 1;
        var counts = new int[_columns * _rows + 1];
        foreach (var s in _sources)
            ForEachCell(s, cell => counts[cell + 1]++);
        for (var i = 1; i < counts.Length; i++)
            counts[i] += counts[i - 1];
        _cellStart = counts;
        _entrySource = new int[counts[^1]];
        _entryX = new double[counts[^1]];
        _entryY = new double[counts[^1]];
        _entryCutoff2 = new double[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var s = 0; s < _sources.Length; s++)
        {
            var source = _sources[s];
            ForEachCell(source, cell =>
            {
                var at = fill[cell]++;
                (_entrySource[at], _entryX[at], _entryY[at], _entryCutoff2[at]) = (s, source.X, source.Y, source.CutoffM * source.CutoffM);
            });
        }
    }

    public IReadOnlyList<NoiseSource> Sources => _sources;

    /// <summary>The largest cut-off of any turbine (0 without turbines): no turbine matters farther away.</summary>
    public double MaxCutoffM => _sources.Length == 0 ? 0 : _sources.Max(s => s.CutoffM);

    /// <summary>The noise at a point (EPSG:25832); <paramref name="summerHouse"/> picks the façade insulation for the low-frequency level.</summary>
    public NoiseAtPoint At(double x, double y, bool summerHouse = false)
    {
        var c = (int)Math.Floor((x - _minX) / _cell);
        var r = (int)Math.Floor((y - _minY) / _cell);
        if (_sources.Length == 0 || c < 0 || r < 0 || c >= _columns || r >= _rows)
            return default;
        double e8 = 0, e6 = 0, p8 = 0, p6 = 0, lf8 = 0, lf6 = 0;
        int n = 0, withoutLf = 0, estimated = 0;
        var cell = r * _columns + c;
        for (var i = _cellStart[cell]; i < _cellStart[cell + 1]; i++)
        {
            var dx = x - _entryX[i];
            var dy = y - _entryY[i];
            var l2 = dx * dx + dy * dy;
            if (l2 > _entryCutoff2[i])
                continue;
            var s = _sources[_entrySource[i]];
            var e = s.Energy8(l2);
            e8 += e;
            e6 += e * s.Ratio6To8;
            if (s.Planned)
            {
                p8 += e;
                p6 += e * s.Ratio6To8;
            }
            if (s.HasLowFrequency)
            {
                var lf = s.LowFrequencyEnergy8(l2, summerHouse);
                lf8 += lf;
                lf6 += lf * s.Ratio6To8;
            }
            else
            {
                withoutLf++;
            }
            if (s.Acoustics.IsEstimate)
                estimated++;
            n++;
        }
        return new NoiseAtPoint(e8, e6, p8, p6, lf8, lf6, n, withoutLf, estimated);
    }

    /// <summary>Each turbine's own level at 8 m/s at the point, loudest first (only turbines within their cut-off).</summary>
    public IReadOnlyList<(NoiseSource Source, double Level8)> Contributions(double x, double y) =>
        [.. _sources.Select(s => (s, l2: (x - s.X) * (x - s.X) + (y - s.Y) * (y - s.Y)))
            .Where(p => p.l2 <= p.s.CutoffM * p.s.CutoffM)
            .Select(p => (p.s, NoiseBands.Level(p.s.Energy8(p.l2))))
            .OrderByDescending(p => p.Item2)];

    /// <summary>Every cell that the turbine's cut-off circle reaches (with a little slack).</summary>
    private void ForEachCell(NoiseSource s, Action<int> visit)
    {
        var reach = s.CutoffM + CellSlackM;
        var (c0, c1) = ((int)Math.Floor((s.X - reach - _minX) / _cell), (int)Math.Floor((s.X + reach - _minX) / _cell));
        var (r0, r1) = ((int)Math.Floor((s.Y - reach - _minY) / _cell), (int)Math.Floor((s.Y + reach - _minY) / _cell));
        for (var r = Math.Max(r0, 0); r <= Math.Min(r1, _rows - 1); r++)
        {
            var dy = Gap(s.Y, _minY + r * _cell);
            for (var c = Math.Max(c0, 0); c <= Math.Min(c1, _columns - 1); c++)
            {
                var dx = Gap(s.X, _minX + c * _cell);
                if (dx * dx + dy * dy <= reach * reach)
                    visit(r * _columns + c);
            }
        }
    }

    /// <summary>The distance from <paramref name="v"/> to the interval [<paramref name="from"/>, from + cell] (0 inside it).</summary>
    private double Gap(double v, double from) => v < from ? from - v : v > from + _cell ? v - from - _cell : 0;
}
