namespace VeSiting.Core.Noise;

/// <summary>
/// Which cells of a grid are over each band's limit, the same answer as computing every cell (<see cref="NoiseGrid"/>) without
/// computing most of them. The grid is cut into blocks; for a block, every turbine's energy at its nearest and farthest cell
/// bounds what it gives any cell there (the tabulated energy never rises with distance), and the sums of those bounds, added in
/// the same order as a cell's own sum, bound every cell's total. A block whose upper total is under a limit is out of that band
/// throughout, one whose lower total is over it is in; a block still undecided for some band is quartered, down to blocks of
/// <see cref="LeafCells"/> cells a side, whose cells are computed exactly as <see cref="NoiseGrid"/> computes them. So only the
/// cells near a band's edge are computed. Blocks are shared out over the cores.
/// </summary>
public static class NoiseBandCells
{
    private const int TopCells = 64;
    private const int LeafCells = 4;

    /// <summary>Per cell (row by row from the south-west), bit b set when the level is over band b's limit (at most 8 bands).</summary>
    public static byte[] Classify(IReadOnlyList<NoiseSource> sources, GridFrame frame, IReadOnlyList<NoiseLimitBand> bands,
        int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        if (bands.Count > 8)
            throw new ArgumentOutOfRangeException(nameof(bands), bands.Count, "at most 8 bands");
        var cells = new byte[checked((int)frame.Cells)];
        var tables = sources.Select(s => new RadialEnergy(s)).ToArray();
        var blocksAcross = (frame.Columns + TopCells - 1) / TopCells;
        var blocksUp = (frame.Rows + TopCells - 1) / TopCells;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocksAcross * blocksUp, options, () => new Scratch(frame.Columns, tables.Length), (b, _, scratch) =>
        {
            var c0 = b % blocksAcross * TopCells;
            var r0 = b / blocksAcross * TopCells;
            new Block(frame, tables, bands, cells, scratch).Decide(c0, Math.Min(frame.Columns, c0 + TopCells) - 1, r0, Math.Min(frame.Rows, r0 + TopCells) - 1);
            return scratch;
        }, _ => { });
        return cells;
    }

    /// <summary>A worker's buffers: one row's energies, and per level of the quartering the turbines that can still reach the block.</summary>
    private sealed class Scratch(int columns, int turbines)
    {
        public readonly double[] E8 = new double[columns];
        public readonly double[] E6 = new double[columns];
        public readonly int[][] Reaching = [.. Enumerable.Range(0, 8).Select(_ => new int[turbines])];
    }

    private sealed class Block(GridFrame frame, RadialEnergy[] tables, IReadOnlyList<NoiseLimitBand> bands, byte[] cells, Scratch scratch)
    {
        public void Decide(int c0, int c1, int r0, int r1)
        {
            var all = scratch.Reaching[0];
            for (var t = 0; t < tables.Length; t++)
                all[t] = t;
            Decide(c0, c1, r0, r1, all, tables.Length, 0);
        }

        private void Decide(int c0, int c1, int r0, int r1, int[] reaching, int count, int depth)
        {
            double minX = frame.CentreX(c0), maxX = frame.CentreX(c1), minY = frame.CentreY(r0), maxY = frame.CentreY(r1);
            double high8 = 0, high6 = 0, low8 = 0, low6 = 0;
            var next = scratch.Reaching[depth + 1];
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                var t = tables[reaching[k]];
                var high = t.AtMost(minX, maxX, minY, maxY);
                if (high <= 0)
                    continue;
                next[kept++] = reaching[k];
                high8 += high;
                high6 += high * t.Ratio6;
                var low = t.AtLeast(minX, maxX, minY, maxY);
                low8 += low;
                low6 += low * t.Ratio6;
            }
            var (upper8, upper6) = ((float)NoiseBands.Level(high8), (float)NoiseBands.Level(high6));
            var (lower8, lower6) = ((float)NoiseBands.Level(low8), (float)NoiseBands.Level(low6));
            byte over = 0, undecided = 0;
            for (var b = 0; b < bands.Count; b++)
            {
                var (upper, lower) = bands[b].WindSpeed == 8 ? (upper8, lower8) : (upper6, lower6);
                if (bands[b].IsOver(lower))
                    over |= (byte)(1 << b);
                else if (bands[b].IsOver(upper))
                    undecided |= (byte)(1 << b);
            }
            if (undecided == 0)
            {
                Fill(c0, c1, r0, r1, over);
                return;
            }
            if (c1 - c0 < LeafCells && r1 - r0 < LeafCells || depth + 2 >= scratch.Reaching.Length)
            {
                Compute(c0, c1, r0, r1, next, kept);
                return;
            }
            // Quarter: only the turbines that reach this block can reach its quarters (this depth's list stays as it is
            // while the quarters, one level deeper, write theirs).
            int cm = (c0 + c1) / 2, rm = (r0 + r1) / 2;
            Quarter(c0, cm, r0, rm);
            Quarter(cm + 1, c1, r0, rm);
            Quarter(c0, cm, rm + 1, r1);
            Quarter(cm + 1, c1, rm + 1, r1);

            void Quarter(int qc0, int qc1, int qr0, int qr1)
            {
                if (qc0 <= qc1 && qr0 <= qr1)
                    Decide(qc0, qc1, qr0, qr1, next, kept, depth + 1);
            }
        }

        private void Fill(int c0, int c1, int r0, int r1, byte over)
        {
            if (over == 0)
                return;
            for (var r = r0; r <= r1; r++)
                cells.AsSpan(r * frame.Columns + c0, c1 - c0 + 1).Fill(over);
        }

        /// <summary>Every cell of the block, each summed over the turbines in their order, as <see cref="NoiseGrid"/> does.</summary>
        private void Compute(int c0, int c1, int r0, int r1, int[] reaching, int count)
        {
            var (e8, e6) = (scratch.E8, scratch.E6);
            for (var r = r0; r <= r1; r++)
            {
                Array.Clear(e8, c0, c1 - c0 + 1);
                Array.Clear(e6, c0, c1 - c0 + 1);
                var y = frame.CentreY(r);
                for (var k = 0; k < count; k++)
                    tables[reaching[k]].AddRow(e8, e6, frame, y, c0, c1);
                var offset = r * frame.Columns;
                for (var c = c0; c <= c1; c++)
                {
                    var (level8, level6) = ((float)NoiseBands.Level(e8[c]), (float)NoiseBands.Level(e6[c]));
                    byte over = 0;
                    for (var b = 0; b < bands.Count; b++)
                    {
                        if (bands[b].IsOver(bands[b].WindSpeed == 8 ? level8 : level6))
                            over |= (byte)(1 << b);
                    }
                    cells[offset + c] = over;
                }
            }
        }
    }
}
