using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Api.Tiles;

/// <summary>A square block of raster cells (<see cref="Step"/> × <see cref="Step"/> from column and row), shown by its best ranked cell, or by its first excluded cell when none is ranked (<see cref="Best"/> NaN).</summary>
public readonly record struct SuitabilityBlock(int Column, int Row, int Step, long Cell, double Best)
{
    public bool Excluded => double.IsNaN(Best);
}

/// <summary>
/// The cells of a siting raster that meet a box, read straight from the raster's arrays. Where the box holds more
/// cells than a tile may carry, cells are taken in square blocks aligned to multiples of the block size, each shown by
/// its best ranked cell (or "excluded" when it has none), so a country-wide 100 m raster still draws at zoom 5.
/// </summary>
public static class SuitabilityBlocks
{
    /// <summary>The blocks meeting the box, row by row; blocks are at least <paramref name="minBlockM"/> wide (e.g. two pixels of the tile), as finer squares would not show.</summary>
    public static List<SuitabilityBlock> In(SuitabilityRaster raster, double minE, double minN, double maxE, double maxN, int maxFeatures, double minBlockM = 0)
    {
        var grid = raster.Grid;
        var blocks = new List<SuitabilityBlock>();
        var first = grid.CellAt(Math.Max(minE, grid.West), Math.Min(maxN, grid.North - 1e-6));
        var last = grid.CellAt(Math.Min(maxE, grid.West + grid.Columns * grid.CellSize - 1e-6), Math.Max(minN, grid.South));
        if (maxE < grid.West || minN > grid.North || first is not var (c0, r0) || last is not var (c1, r1))
            return blocks;
        var count = (double)(c1 - c0 + 1) * (r1 - r0 + 1);
        var step = Math.Max(Math.Max(1, (int)Math.Ceiling(minBlockM / grid.CellSize)), (int)Math.Ceiling(Math.Sqrt(count / Math.Max(1, maxFeatures))));
        var (rowStart, columnStart) = (r0 - r0 % step, c0 - c0 % step);
        var rows = (r1 - rowStart) / step + 1;
        // Rows of blocks are independent: a country-wide tile reads millions of cells, so they are read on all cores.
        var perRow = new List<SuitabilityBlock>[rows];
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = count > 500_000 ? Environment.ProcessorCount : 1 }, i =>
        {
            var r = rowStart + i * step;
            var list = perRow[i] = [];
            for (var c = columnStart; c <= c1; c += step)
            {
                if (Best(raster, c, r, step) is { } block)
                    list.Add(block);
            }
        });
        foreach (var row in perRow)
            blocks.AddRange(row);
        return blocks;
    }

    private static SuitabilityBlock? Best(SuitabilityRaster raster, int c, int r, int step)
    {
        var grid = raster.Grid;
        var (status, score) = (raster.Status, raster.Score);
        var (best, cell) = (double.NaN, -1L);
        for (var rr = r; rr < Math.Min(r + step, grid.Rows); rr++)
        {
            var i = (long)rr * grid.Columns + c;
            for (var end = i + Math.Min(step, grid.Columns - c); i < end; i++)
            {
                var s = status[i];
                if (s == (byte)CellStatus.Ranked)
                {
                    if (!(score[i] <= best))
                        (best, cell) = (score[i], i);
                }
                else if (s != (byte)CellStatus.Outside && cell < 0)
                    cell = i;
            }
        }
        return cell < 0 ? null : new SuitabilityBlock(c, r, step, cell, best);
    }

    /// <summary>The legend class of a ranked score: 0, 20, 40, 60 or 80.</summary>
    public static int ClassOf(double score) => Math.Min(80, (int)(score / 20) * 20);
}
