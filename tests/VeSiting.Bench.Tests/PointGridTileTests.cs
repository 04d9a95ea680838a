using VeSiting.Core.Spatial;
using VeSiting.Core.Tests.Tiles;
using VeSiting.Core.Tiles;

namespace VeSiting.Bench.Tests;

/// <summary>The point tile the tiles benchmark times holds exactly the points a brute-force pass keeps.</summary>
public sealed class PointGridTileTests
{
    // The control point of MvtLayerTests (E 467394.6281, N 6248471.3325) and its z14 tile, worked by hand there.
    private const double E = 467394.6281, N = 6248471.3325;
    private static readonly MercatorTile Tile = new(14, 8577, 5070);

    [Fact]
    public void A_grid_tile_holds_exactly_the_points_inside_the_tile_and_buffer()
    {
        // 5,000 random points around the control point's tile; brute force with TryPosition gives the expected count.
        var random = new Random(3);
        var xs = Enumerable.Range(0, 5000).Select(_ => E - 3000 + random.NextDouble() * 6000).ToArray();
        var ys = Enumerable.Range(0, 5000).Select(_ => N - 3000 + random.NextDouble() * 6000).ToArray();
        var expected = Enumerable.Range(0, xs.Length).Count(i => Tile.TryPosition(xs[i], ys[i], out _, out _));

        var (bytes, count) = PointGridTile.Encode(new PointGrid(xs, ys, 500), Tile, "dwellings");

        Assert.InRange(expected, 100, 4999);
        Assert.Equal(expected, count);
        var layer = Assert.Single(RawMvt.Decode(bytes));
        Assert.Equal(expected, layer.Features.Count);
        Assert.All(layer.Features, f => Assert.True(f.X is >= -128 and <= 4224 && f.Y is >= -128 and <= 4224));
    }
}
