using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

public sealed class PointGridTests
{
    [Fact]
    public void A_radius_query_finds_exactly_the_points_inside()
    {
        var grid = new PointGrid([0, 3, 10, 100], [0, 4, 0, 100], cellSizeM: 2);
        var found = new List<(int, double)>();
        grid.Within(0, 0, 5, ref found, static (i, d, ref list) => list.Add((i, d)));
        Assert.Equal([(0, 0.0), (1, 5.0)], found.OrderBy(f => f.Item1));
    }
}
