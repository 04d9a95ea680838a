namespace VeSiting.Core.Noise;

/// <summary>
/// One turbine's energy at 8 m/s against horizontal distance, tabulated once (1 m steps out to its cut-off, linear interpolation:
/// the energy falls smoothly, the error is far below 0.01 dB), and its 6 m/s ratio. The interpolated energy never rises with
/// distance, so its value at a block's nearest and farthest point bounds every cell of the block.
/// </summary>
internal sealed class RadialEnergy
{
    private const double TableStepM = 1;
    /// <summary>Room for rounding when a bound's distance is computed otherwise than a cell's (far above one ulp, far below a cell).</summary>
    private const double BoundSlackM = 1e-6;

    private readonly double _x, _y, _cutoff, _cutoff2;
    private readonly double[] _table;

    public RadialEnergy(NoiseSource s)
    {
        (_x, _y, Ratio6) = (s.X, s.Y, s.Ratio6To8);
        _cutoff = s.CutoffM;
        _cutoff2 = s.CutoffM * s.CutoffM;
        _table = new double[(int)Math.Ceiling(s.CutoffM / TableStepM) + 2];
        for (var i = 0; i < _table.Length; i++)
            _table[i] = s.Energy8(i * TableStepM * (i * TableStepM));
    }

    public double Ratio6 { get; }

    /// <summary>Adds the energy at the centres of columns <paramref name="from"/>–<paramref name="to"/> of the row at <paramref name="y"/> that the cut-off circle covers.</summary>
    public void AddRow(double[] e8, double[] e6, GridFrame frame, double y, int from, int to)
    {
        var dy = y - _y;
        var room = _cutoff2 - dy * dy;
        if (room < 0)
            return;
        var half = Math.Sqrt(room);
        var c0 = Math.Max(from, (int)Math.Ceiling((_x - half - frame.MinX) / frame.Cell - 0.5));
        var c1 = Math.Min(to, (int)Math.Floor((_x + half - frame.MinX) / frame.Cell - 0.5));
        var dy2 = dy * dy;
        for (var c = c0; c <= c1; c++)
        {
            var dx = frame.MinX + (c + 0.5) * frame.Cell - _x;
            var l = Math.Sqrt(dx * dx + dy2) / TableStepM;
            var i = (int)l;
            if (i + 1 >= _table.Length)
                continue;
            var e = _table[i] + (_table[i + 1] - _table[i]) * (l - i);
            e8[c] += e;
            e6[c] += e * Ratio6;
        }
    }

    /// <summary>At least the 8 m/s energy <see cref="AddRow"/> adds at any point of the box (0 when some point may be left out).</summary>
    public double AtLeast(double minX, double maxX, double minY, double maxY)
    {
        var dx = Math.Max(Math.Abs(minX - _x), Math.Abs(maxX - _x));
        var dy = Math.Max(Math.Abs(minY - _y), Math.Abs(maxY - _y));
        var l = Math.Sqrt(dx * dx + dy * dy) + BoundSlackM;
        // Within the cut-off by a margin every cell is in its row's column range and in the table.
        return l < _cutoff - 0.01 ? At(l) : 0;
    }

    /// <summary>At most the 8 m/s energy <see cref="AddRow"/> adds at any point of the box.</summary>
    public double AtMost(double minX, double maxX, double minY, double maxY)
    {
        var dx = _x < minX ? minX - _x : _x > maxX ? _x - maxX : 0;
        var dy = _y < minY ? minY - _y : _y > maxY ? _y - maxY : 0;
        var l = Math.Max(0, Math.Sqrt(dx * dx + dy * dy) - BoundSlackM);
        return l / TableStepM + 1 >= _table.Length ? 0 : At(l);
    }

    private double At(double distance)
    {
        var l = distance / TableStepM;
        var i = (int)l;
        return i + 1 >= _table.Length ? 0 : _table[i] + (_table[i + 1] - _table[i]) * (l - i);
    }
}
