using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Core.Tests.Tiles;

public sealed class Utm32WebMercatorTests
{
    [Fact]
    public void The_control_point_comes_back_as_PostGIS_gives_it()
    {
        // PostGIS 3.3.2 / PROJ 9.1.1: E 467394.6281, N 6248471.3325 is lon 8.4720166, lat 56.3797517 (7 decimals ≈ 1 cm).
        var (lambda, phi) = Utm32WebMercator.ToLonLatRadians(467394.6281, 6248471.3325);
        Assert.Equal(8.4720166, lambda * 180 / Math.PI, 7);
        Assert.Equal(56.3797517, phi * 180 / Math.PI, 7);
    }

    [Fact]
    public void It_agrees_with_ProjNet_to_two_millimetres_over_Denmark()
    {
        // 2e-8 degrees ≈ 1–2 mm. Near the central meridian they agree to micrometres; far east (E 900 km, Bornholm in
        // zone 32) ProjNet's series drifts by about a millimetre, while this one still equals PostGIS (next test).
        for (var e = 420_000.0; e <= 900_000; e += 40_000)
        {
            for (var n = 6_040_000.0; n <= 6_410_000; n += 30_000)
            {
                var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(e, n);
                var (lambda, phi) = Utm32WebMercator.ToLonLatRadians(e, n);
                Assert.Equal(lon, lambda * 180 / Math.PI, tolerance: 2e-8);
                Assert.Equal(lat, phi * 180 / Math.PI, tolerance: 2e-8);
            }
        }
    }

    [Fact]
    public void Far_east_of_the_central_meridian_it_still_equals_PostGIS()
    {
        // PostGIS 3.3.2 / PROJ 9.1.1: ST_Transform(POINT(900000 6400000) 25832 → 4326) = 15.692672815990, 57.564688090977.
        var (lambda, phi) = Utm32WebMercator.ToLonLatRadians(900_000, 6_400_000);
        Assert.Equal(15.692672815990, lambda * 180 / Math.PI, tolerance: 1e-10);
        Assert.Equal(57.564688090977, phi * 180 / Math.PI, tolerance: 1e-10);
    }

    [Fact]
    public void The_central_meridian_lies_at_x_0_525_of_the_web_mercator_square()
    {
        // E 500000 is longitude 9° exactly: x = (9 + 180) / 360 = 0.525, at any northing.
        Assert.Equal(0.525, Utm32WebMercator.ToUnitSquare(500_000, 6_200_000).X, 12);
        // At z14 that is tile column 0.525 × 16384 = 8601.6: column 8601, 0.6 × 4096 = 2457.6 → unit 2458.
        var (column, row) = MercatorTile.TileOf(500_000, 6_200_000, 14);
        Assert.Equal(8601, column);
        var tile = new MercatorTile(14, column, row);
        Assert.True(tile.TryPosition(500_000, 6_200_000, out var px, out _));
        Assert.Equal(2458, px);
    }
}
