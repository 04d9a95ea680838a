using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

/// <summary>
/// Control points computed independently with PostGIS 3.3.2 / PROJ 9.1.1:
/// <c>SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 25832)), …</c>
/// The first also appears in ../shared/docs/verified-dependencies.md.
/// </summary>
public sealed class CoordinateTransformerTests
{
    private const double OneMillimetre = 0.001;
    private const double OneCentimetre = 0.01;
    /// <summary>1e-8 degrees is about 1 mm on the ground at Danish latitudes.</summary>
    private const double MillimetreInDegrees = 1e-8;

    public static TheoryData<double, double, double, double> Utm32ControlPoints => new()
    {
        { 8.4720166, 56.3797517, 467394.6281, 6248471.3325 },
        { 12.5683, 55.6761, 724351.9286, 6175804.0221 },
        { 10.5833, 57.7209, 594309.5227, 6398739.5742 },
        { 14.9, 55.1, 876244.7793, 6121830.5584 },
        { 8.4519, 55.4765, 465355.7643, 6147954.4763 },
        { 11.9275, 54.5747, 689216.4911, 6051406.6277 },
    };

    public static TheoryData<double, double, double, double> Utm33ControlPoints => new()
    {
        { 8.4720166, 56.3797517, 97203.6943, 6267487.6543 },
        { 14.9, 55.1, 493619.0672, 6105923.9799 },
        { 12.5683, 55.6761, 347090.9383, 6172711.7861 },
    };

    public static TheoryData<double, double, double, double> WebMercatorControlPoints => new()
    {
        { 8.4720166, 56.3797517, 943100.5739, 7634387.9133 },
        { 12.5683, 55.6761, 1399096.7561, 7494204.6909 },
        { 14.9, 55.1, 1658660.4128, 7381298.3122 },
    };

    [Theory]
    [MemberData(nameof(Utm32ControlPoints))]
    public void Lon_lat_to_utm32_matches_PostGIS_to_the_millimetre(double lon, double lat, double e, double n)
    {
        var (x, y) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
        Assert.Equal(e, x, OneMillimetre);
        Assert.Equal(n, y, OneMillimetre);
    }

    [Theory]
    [MemberData(nameof(Utm33ControlPoints))]
    public void Lon_lat_to_utm33_matches_PostGIS(double lon, double lat, double e, double n)
    {
        var (x, y) = CoordinateTransformer.Instance.Transform(lon, lat, Epsg.Wgs84, Epsg.Utm33);
        Assert.Equal(e, x, OneMillimetre);
        Assert.Equal(n, y, OneMillimetre);
    }

    [Theory]
    [MemberData(nameof(WebMercatorControlPoints))]
    public void Lon_lat_to_web_mercator_matches_PostGIS(double lon, double lat, double x, double y)
    {
        var (mx, my) = CoordinateTransformer.Instance.Transform(lon, lat, Epsg.Wgs84, Epsg.WebMercator);
        Assert.Equal(x, mx, OneMillimetre);
        Assert.Equal(y, my, OneMillimetre);
    }

    [Fact]
    public void Utm32_to_lon_lat_matches_PostGIS()
    {
        // SELECT ST_Transform(ST_SetSRID(ST_MakePoint(638500, 6150500), 25832), 4326) → 11.191610543 55.480984828
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(638500, 6150500);
        Assert.Equal(11.191610543, lon, MillimetreInDegrees);
        Assert.Equal(55.480984828, lat, MillimetreInDegrees);
    }

    [Theory]
    [MemberData(nameof(Utm32ControlPoints))]
    public void Round_trips_through_every_supported_system_return_to_the_start(double lon, double lat, double e, double n)
    {
        _ = (e, n);
        var t = CoordinateTransformer.Instance;
        // UTM 33 is held to the 1 cm only: for Jutland, 6–7° west of zone 33's central meridian,
        // the transverse Mercator series drifts about 1.1 mm per round trip. Bornholm itself is well inside.
        foreach (var (epsg, tolerance) in new[] { (Epsg.Utm32, OneMillimetre), (Epsg.WebMercator, OneMillimetre), (Epsg.Utm33, OneCentimetre) })
        {
            var (x, y) = t.Transform(lon, lat, Epsg.Wgs84, epsg);
            var (lon2, lat2) = t.Transform(x, y, epsg, Epsg.Wgs84);
            Assert.InRange(GroundMetres(lon, lat, lon2, lat2), 0, tolerance);
        }
    }

    /// <summary>Approximate ground distance of a small difference in degrees (equirectangular; exact enough below a metre).</summary>
    private static double GroundMetres(double lon1, double lat1, double lon2, double lat2)
    {
        const double metresPerDegree = 111_320;
        var dx = (lon2 - lon1) * metresPerDegree * Math.Cos(lat1 * Math.PI / 180);
        var dy = (lat2 - lat1) * metresPerDegree;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    [Fact]
    public void Utm32_to_utm33_goes_through_geographic_coordinates()
    {
        // Both values from PostGIS for lon 14.9, lat 55.1 (Bornholm).
        var (x, y) = CoordinateTransformer.Instance.Transform(876244.7793, 6121830.5584, Epsg.Utm32, Epsg.Utm33);
        Assert.Equal(493619.0672, x, 0.002);
        Assert.Equal(6105923.9799, y, 0.002);
    }

    [Fact]
    public void Unknown_systems_are_refused_with_the_supported_list()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateTransformer.Instance.Transform(1, 2, 4326, 2154));
        Assert.Contains("25832", e.Message);
    }
}
