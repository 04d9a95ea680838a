using VeSiting.Core.Spatial;

namespace VeSiting.Core.Noise;

/// <summary>
/// The outdoor levels at 8 and 6 m/s at every cell centre of a grid, from many turbines together (energies summed, as the
/// order's method does). Each turbine's energy is tabulated once against horizontal distance (1 m steps out to its cut-off,
/// linear interpolation: the energy falls smoothly, the error is far below 0.01 dB) and added only to the cells of the rows
/// and columns its cut-off circle covers. Rows are shared out over the cores.
/// </summary>
public sealed class NoiseGrid
{
    private const double TableStepM = 1;

    private NoiseGrid(GridFrame frame, float[] level8, float[] level6)
    {
        Frame = frame;
        Level8 = level8;
        Level6 = level6;
    }

    public GridFrame Frame { get; }

    /// <summary>dB(A) at 8 m/s per cell (row by row from the south-west); −∞ where no turbine reaches.</summary>
    public float[] Level8 { get; }

    public float[] Level6 { get; }

    public static NoiseGrid Compute(IReadOnlyList<NoiseSource> sources, GridFrame frame, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var n = checked((int)frame.Cells);
        var level8 = new float[n];
        var level6 = new float[n];
        var tables = sources.Select(RadialEnergy.Of).ToArray();
        Parallel.For(0, frame.Rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, () => (E8: new double[frame.Columns], E6: new double[frame.Columns]), (r, _, rows) =>
        {
            var (e8, e6) = rows;
            Array.Clear(e8);
            Array.Clear(e6);
            var y = frame.CentreY(r);
            foreach (var t in tables)
                t.AddRow(e8, e6, frame, y);
            var offset = r * frame.Columns;
            for (var c = 0; c < frame.Columns; c++)
            {
                level8[offset + c] = (float)NoiseBands.Level(e8[c]);
                level6[offset + c] = (float)NoiseBands.Level(e6[c]);
            }
            return rows;
        }, _ => { });
        return new NoiseGrid(frame, level8, level6);
    }

    /// <summary>One turbine's energy at 8 m/s against horizontal distance, and its 6 m/s ratio.</summary>
    private sealed class RadialEnergy
    {
        private readonly double _x, _y, _cutoff2, _ratio6;
        private readonly double[] _table;

        private RadialEnergy(NoiseSource s)
        {
            (_x, _y, _ratio6) = (s.X, s.Y, s.Ratio6To8);
            _cutoff2 = s.CutoffM * s.CutoffM;
            _table = new double[(int)Math.Ceiling(s.CutoffM / TableStepM) + 2];
            for (var i = 0; i < _table.Length; i++)
                _table[i] = s.Energy8(i * TableStepM * (i * TableStepM));
        }

        public static RadialEnergy Of(NoiseSource s) => new(s);

        public void AddRow(double[] e8, double[] e6, GridFrame frame, double y)
        {
            var dy = y - _y;
            var room = _cutoff2 - dy * dy;
            if (room < 0)
                return;
            var half = Math.Sqrt(room);
            var c0 = Math.Max(0, (int)Math.Ceiling((_x - half - frame.MinX) / frame.Cell - 0.5));
            var c1 = Math.Min(frame.Columns - 1, (int)Math.Floor((_x + half - frame.MinX) / frame.Cell - 0.5));
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
                e6[c] += e * _ratio6;
            }
        }
    }
}
