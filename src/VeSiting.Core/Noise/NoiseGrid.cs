namespace VeSiting.Core.Noise;

/// <summary>
/// The outdoor levels at 8 and 6 m/s at every cell centre of a grid, from many turbines together (energies summed, as the
/// order's method does), every cell computed: the straightforward evaluation (<see cref="NoiseBandCells"/> finds the cells over
/// each limit without computing them all, and gives the same answer). Each turbine's energy is tabulated once
/// (<see cref="RadialEnergy"/>) and added only to the cells of the rows and columns its cut-off circle covers. Rows are shared
/// out over the cores.
/// </summary>
public sealed class NoiseGrid
{
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
        var tables = sources.Select(s => new RadialEnergy(s)).ToArray();
        Parallel.For(0, frame.Rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, () => (E8: new double[frame.Columns], E6: new double[frame.Columns]), (r, _, rows) =>
        {
            var (e8, e6) = rows;
            Array.Clear(e8);
            Array.Clear(e6);
            var y = frame.CentreY(r);
            foreach (var t in tables)
                t.AddRow(e8, e6, frame, y, 0, frame.Columns - 1);
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
}
