using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

public sealed class PointGridBoxTests
{
    [Fact]
    public void A_box_query_finds_exactly_the_points_inside_edges_included()
    {
        var random = new Random(5);
        var xs = Enumerable.Range(0, 10_000).Select(_ => Math.Round(500_000 + random.NextDouble() * 20_000)).ToArray();
        var ys = Enumerable.Range(0, 10_000).Select(_ => Math.Round(6_200_000 + random.NextDouble() * 20_000)).ToArray();
        var grid = new PointGrid(xs, ys, 700);
        // Whole-metre coordinates put some points exactly on the box's edges.
        var (minX, minY, maxX, maxY) = (503_000.0, 6_204_000.0, 509_000.0, 6_207_500.0);
        var expected = Enumerable.Range(0, xs.Length).Where(i => xs[i] >= minX && xs[i] <= maxX && ys[i] >= minY && ys[i] <= maxY).ToList();

        var found = new List<int>();
        grid.InBox(minX, minY, maxX, maxY, ref found, static (i, _, _, ref list) => list.Add(i));

        Assert.True(expected.Count > 500);
        Assert.Equal(expected, found.Order());
        var none = new List<int>();
        grid.InBox(600_000, 6_300_000, 601_000, 6_301_000, ref none, static (i, _, _, ref list) => list.Add(i));
        Assert.Empty(none);
    }
}
