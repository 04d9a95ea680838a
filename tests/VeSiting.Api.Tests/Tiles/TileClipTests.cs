using VeSiting.Api.Tiles;

namespace VeSiting.Api.Tests.Tiles;

public sealed class TileClipTests
{
    [Fact]
    public void A_square_over_the_buffer_corner_is_cut_at_the_buffer()
    {
        // (−200, −200)–(100, 100) against the buffered tile [−128, 4224]²: what remains is (−128, −128)–(100, 100).
        (double X, double Y)[] square = [(-200, -200), (100, -200), (100, 100), (-200, 100)];
        var result = new (double X, double Y)[8];
        var n = TileClip.Polygon(square, result, new (double X, double Y)[8], -128, 4224);

        (double X, double Y)[] expected = [(-128, -128), (-128, 100), (100, -128), (100, 100)];
        Assert.Equal(expected, result[..n].Order().ToArray());
    }

    [Fact]
    public void A_sloping_edge_is_cut_where_it_crosses_the_buffer()
    {
        // The triangle (0, 0), (300, 0), (0, 300) against [−128, 128]²: the hypotenuse x + y = 300 crosses x = 128 at
        // y = 172 (outside) and never enters the square's corner region x, y ≤ 128 (128 + 128 = 256 < 300), so the
        // square's part of the triangle is the square's own quarter (0, 0)–(128, 128).
        (double X, double Y)[] triangle = [(0, 0), (300, 0), (0, 300)];
        var result = new (double X, double Y)[8];
        var n = TileClip.Polygon(triangle, result, new (double X, double Y)[8], -128, 128);

        (double X, double Y)[] expected = [(0, 0), (0, 128), (128, 0), (128, 128)];
        Assert.Equal(expected, result[..n].Order().ToArray());
    }

    [Fact]
    public void Rounding_drops_repeated_points_and_rings_without_area()
    {
        var ring = new (int X, int Y)[8];
        // A clockwise-on-screen square whose first two points round to the same unit: 3 points remain.
        Assert.Equal(3, TileClip.Round([(0.2, 0.1), (0.4, -0.3), (10, 0), (10, 10)], ring));
        // Counter-clockwise on screen (negative area with y down) is not an exterior ring: nothing.
        Assert.Equal(0, TileClip.Round([(0, 0), (0, 10), (10, 10), (10, 0)], ring));
        // All in one unit: nothing.
        Assert.Equal(0, TileClip.Round([(0.1, 0.1), (0.2, 0.2), (0.3, 0.1)], ring));
    }
}
