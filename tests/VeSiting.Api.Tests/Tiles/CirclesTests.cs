using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;

namespace VeSiting.Api.Tests.Tiles;

public sealed class CirclesTests
{
    [Theory]
    // r / m-per-px = pixels; n = ⌈π √(pixels / 0.2)⌉ rounded up to a multiple of 4, within 16…96.
    [InlineData(1200, 85.0, 28)]   // 14.1 px: π √70.6 = 26.4 → 27 → 28
    [InlineData(1200, 2.4, 96)]    // 500 px: π √2500 = 157 → capped at 96
    [InlineData(200, 150.0, 16)]   // 1.33 px: π √6.67 = 8.1 → 9 → 12 → at least 16
    [InlineData(600, 10.0, 56)]    // 60 px: π √300 = 54.4 → 55 → 56
    public void Vertices_keep_the_chord_within_a_tenth_of_a_pixel(double radius, double metresPerPixel, int expected)
    {
        Assert.Equal(expected, Circles.Vertices(radius, metresPerPixel));
    }

    [Fact]
    public void An_annulus_is_the_outer_disc_less_the_inner_one()
    {
        var centre = GeometryTransforms.Utm32Point(600_000, 6_200_000);
        var ring = Circles.Annulus(centre, 800, 600, 2.4); // 96 vertices each at this scale

        Assert.True(ring.IsValid);
        Assert.Single(ring.Holes);
        // A regular 96-gon of circumradius r has area (96/2) r² sin(2π/96) = 0.99929 π r²; here π (800² − 600²) × 0.99929.
        Assert.Equal(Math.PI * (800 * 800 - 600 * 600) * 0.99929, ring.Area, tolerance: 10);
        Assert.True(ring.Covers(GeometryTransforms.Utm32Point(600_700, 6_200_000)));
        Assert.False(ring.Covers(GeometryTransforms.Utm32Point(600_500, 6_200_000)));
        Assert.False(ring.Covers(GeometryTransforms.Utm32Point(600_850, 6_200_000)));
    }

    [Fact]
    public void A_disc_matches_the_buffer_it_replaces()
    {
        var centre = GeometryTransforms.Utm32Point(600_000, 6_200_000);
        var disc = Circles.Disc(centre, 500, 1.0);
        var buffer = centre.Buffer(500, 24);

        Assert.Equal(96, disc.ExteriorRing.NumPoints - 1);
        Assert.Equal(buffer.Area, disc.Area, tolerance: 1e-6 * buffer.Area);
        Assert.Equal(0, disc.SymmetricDifference(buffer).Area, tolerance: 1e-6 * buffer.Area);
    }
}
