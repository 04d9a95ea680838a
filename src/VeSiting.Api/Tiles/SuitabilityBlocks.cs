using System.Runtime.CompilerServices;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Api.Tiles;

/// <summary>A square block of raster cells (<see cref="Step"/> × <see cref="Step"/> from column and row), shown by its best ranked cell, or by its first excluded cell when none is ranked (<see cref="Best"/> NaN).</summary>
public readonly record struct SuitabilityBlock(int Column, int Row, int Step, long Cell, double Best)
{
    public bool Excluded => double.IsNaN(Best);
}

/// <summary>
/// The cells of a siting raster that meet a box, read straight from the raster's arrays. Where the box holds more
/// cells than a tile may carry, cells are taken in square blocks of 2, 4, 8 … cells aligned to multiples of their size,
/// each shown by its best ranked cell (or "excluded" when it has none), so a country-wide 100 m raster still draws at
/// zoom 5. The blocks of each size are computed once per raster (a pyramid, each level from the one below: about a
/// third of the raster's cells in all), so a tile reads one entry per block whatever its zoom.
/// </summary>
public static class SuitabilityBlocks
{
    private static readonly ConditionalWeakTable<SuitabilityRaster, Pyramid> Pyramids = [];

    /// <summary>The blocks meeting the box, row by row; blocks are at least <paramref name="minBlockM"/> wide (e.g. two pixels of the tile), as finer squares would not show.</summary>
    public static List<SuitabilityBlock> In(SuitabilityRaster raster, double minE, double minN, double maxE, double maxN, int maxFeatures, double minBlockM = 0)
    {
        var grid = raster.Grid;
        var blocks = new List<SuitabilityBlock>();
        var first = grid.CellAt(Math.Max(minE, grid.West), Math.Min(maxN, grid.North - 1e-6));
        var last = grid.CellAt(Math.Min(maxE, grid.West + grid.Columns * grid.CellSize - 1e-6), Math.Max(minN, grid.South + 1e-6));
        if (maxE < grid.West || minN > grid.North || first is not var (c0, r0) || last is not var (c1, r1))
            return blocks;
        var count = (double)(c1 - c0 + 1) * (r1 - r0 + 1);
        var needed = Math.Max(Math.Max(1, (int)Math.Ceiling(minBlockM / grid.CellSize)), (int)Math.Ceiling(Math.Sqrt(count / Math.Max(1, maxFeatures))));
        var level = 0;
        while (1 << level < needed)
            level++;
        var step = 1 << level;
        if (level == 0)
        {
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    var i = (long)r * grid.Columns + c;
                    if (raster.Status[i] != (byte)CellStatus.Outside)
                        blocks.Add(new SuitabilityBlock(c, r, 1, i, raster.Status[i] == (byte)CellStatus.Ranked ? raster.Score[i] : double.NaN));
                }
            }
            return blocks;
        }
        var (best, cells, columns) = Pyramids.GetValue(raster, r => new Pyramid(r)).Level(level);
        for (var r = r0 >> level; r <= r1 >> level; r++)
        {
            for (var c = c0 >> level; c <= c1 >> level; c++)
            {
                var i = (long)r * columns + c;
                if (cells[i] >= 0)
                    blocks.Add(new SuitabilityBlock(c << level, r << level, step, cells[i], best[i]));
            }
        }
        return blocks;
    }

    /// <summary>The blocks of 2^<paramref name="level"/> cells (level ≥ 1) over the whole raster: best score (NaN when none is ranked) and the cell that shows it (−1 when all are outside).</summary>
    public static (double[] Best, long[] Cell, int Columns) Level(SuitabilityRaster raster, int level) =>
        level >= 1 ? Pyramids.GetValue(raster, r => new Pyramid(r)).Level(level) : throw new ArgumentOutOfRangeException(nameof(level), "level 0 is the raster itself");

    /// <summary>The legend class of a ranked score: 0, 20, 40, 60 or 80.</summary>
    public static int ClassOf(double score) => Math.Min(80, (int)(score / 20) * 20);

    /// <summary>Per level k ≥ 1, per block of 2^k cells: the best score (NaN when none is ranked) and the cell that shows it (the best ranked, ties to the first in row order; else the first excluded; else −1).</summary>
    private sealed class Pyramid(SuitabilityRaster raster)
    {
        private readonly List<(double[] Best, long[] Cell, int Columns, int Rows)> _levels = [];
        private readonly Lock _lock = new();

        public (double[] Best, long[] Cell, int Columns) Level(int level)
        {
            lock (_lock)
            {
                var grid = raster.Grid;
                if (_levels.Count == 0)
                    _levels.Add(Reduce(grid.Columns, grid.Rows, i => raster.Status[i] switch
                    {
                        (byte)CellStatus.Outside => (double.NaN, -1),
                        (byte)CellStatus.Ranked => (raster.Score[i], i),
                        _ => (double.NaN, i),
                    }));
                while (_levels.Count < level)
                {
                    var below = _levels[^1];
                    _levels.Add(Reduce(below.Columns, below.Rows, i => (below.Best[i], below.Cell[i])));
                }
                var (best, cell, columns, _) = _levels[level - 1];
                return (best, cell, columns);
            }
        }

        /// <summary>The next level up from one of <paramref name="columns"/> × <paramref name="rows"/> entries.</summary>
        private static (double[] Best, long[] Cell, int Columns, int Rows) Reduce(int columns, int rows, Func<long, (double Best, long Cell)> entry)
        {
            var (upColumns, upRows) = ((columns + 1) / 2, (rows + 1) / 2);
            var (best, cell) = (new double[(long)upColumns * upRows], new long[(long)upColumns * upRows]);
            Parallel.For(0, upRows, r =>
            {
                for (var c = 0; c < upColumns; c++)
                {
                    var (b, k) = (double.NaN, -1L);
                    for (var rr = 2 * r; rr < Math.Min(2 * r + 2, rows); rr++)
                    {
                        for (var cc = 2 * c; cc < Math.Min(2 * c + 2, columns); cc++)
                        {
                            var (childBest, childCell) = entry((long)rr * columns + cc);
                            if (childCell < 0)
                                continue;
                            if (!double.IsNaN(childBest))
                            {
                                // Ranked: a higher score wins; on a tie the cell first in row order, as a scan of the block finds it.
                                if (double.IsNaN(b) || childBest > b || childBest == b && childCell < k)
                                    (b, k) = (childBest, childCell);
                            }
                            else if (double.IsNaN(b) && (k < 0 || childCell < k))
                                k = childCell;
                        }
                    }
                    (best[(long)r * upColumns + c], cell[(long)r * upColumns + c]) = (b, k);
                }
            });
            return (best, cell, upColumns, upRows);
        }
    }
}
