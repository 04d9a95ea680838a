using Microsoft.Extensions.DependencyInjection;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tests.Tiles;

[Collection(ApiCollection.Name)]
public sealed class SuitabilityBlockTests(ApiFactory factory)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Every_block_shows_its_best_ranked_cell_or_else_its_first_excluded_one(int minCells)
    {
        var run = await factory.Services.GetRequiredService<SuitabilityResults>().GetAsync("greenhouse", "municipality:0461", 500, CancellationToken.None);
        var raster = run.Raster;
        var grid = raster.Grid;

        var blocks = SuitabilityBlocks.In(raster, grid.West, grid.South, grid.West + grid.Columns * grid.CellSize, grid.North, 1_000_000, minCells * grid.CellSize);

        // A plain scan of each block's cells in row order, as the blocks are defined.
        var step = blocks[0].Step;
        Assert.True(step >= minCells);
        var expected = new List<SuitabilityBlock>();
        for (var r = 0; r < grid.Rows; r += step)
        {
            for (var c = 0; c < grid.Columns; c += step)
            {
                var (best, cell) = (double.NaN, -1L);
                for (var rr = r; rr < Math.Min(r + step, grid.Rows); rr++)
                {
                    for (var cc = c; cc < Math.Min(c + step, grid.Columns); cc++)
                    {
                        var i = (long)rr * grid.Columns + cc;
                        if (raster.Status[i] == (byte)CellStatus.Ranked && (double.IsNaN(best) || raster.Score[i] > best))
                            (best, cell) = (raster.Score[i], i);
                        else if (raster.Status[i] != (byte)CellStatus.Outside && raster.Status[i] != (byte)CellStatus.Ranked && cell < 0)
                            cell = i;
                    }
                }
                if (cell >= 0)
                    expected.Add(new SuitabilityBlock(c, r, step, cell, best));
            }
        }
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, blocks);
    }

    [Theory]
    [InlineData(5, 16, 9)]
    [InlineData(8, 135, 78)]
    [InlineData(12, 2165, 1264)]
    public void Interpolated_positions_are_within_a_unit_of_the_exact_ones(int z, int x, int y)
    {
        var tile = new MercatorTile(z, x, y);
        var (minE, minN, maxE, maxN) = tile.Utm32Box();
        var positions = new TilePositions(tile, minE, minN, maxE, maxN);
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var (e, n) = (minE + random.NextDouble() * (maxE - minE), minN + random.NextDouble() * (maxN - minN));
            var (ex, ey) = tile.Position(e, n);
            var (px, py) = positions.Position(e, n);
            Assert.True(Math.Abs(ex - px) < 1 && Math.Abs(ey - py) < 1, $"z{z} ({e:0}, {n:0}): ({px:0.00}, {py:0.00}) against ({ex:0.00}, {ey:0.00})");
        }
    }
}
