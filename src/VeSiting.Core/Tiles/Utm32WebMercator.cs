namespace VeSiting.Core.Tiles;

/// <summary>
/// ETRS89 / UTM 32N (EPSG:25832) straight to Web Mercator (EPSG:3857), exactly and without allocation: the inverse
/// transverse Mercator by Krüger's series in n (Karney 2011, "Transverse Mercator with an accuracy of a few
/// nanometers", eqs. 11, 15, 21), then the spherical Mercator of the geodetic latitude. Sub-millimetre agreement
/// with PROJ/PostGIS inside zone 32's reach (Denmark), about ten times faster than the general ProjNet path.
/// </summary>
public static class Utm32WebMercator
{
    private const double SemiMajorAxis = 6_378_137;            // GRS80 = WGS 84 = the sphere of Web Mercator
    private const double Flattening = 1 / 298.257222101;       // GRS80
    private const double ScaleFactor = 0.9996;
    private const double FalseEasting = 500_000;
    private const double CentralMeridian = 9 * Math.PI / 180;  // zone 32

    private static readonly double N = Flattening / (2 - Flattening);
    /// <summary>The rectifying radius A times k0: metres of northing per radian of ξ.</summary>
    private static readonly double Radius = ScaleFactor * SemiMajorAxis / (1 + N) * (1 + N * N / 4 + Math.Pow(N, 4) / 64 + Math.Pow(N, 6) / 256);

    private static readonly double Beta1 = N / 2 - 2.0 / 3 * N * N + 37.0 / 96 * Math.Pow(N, 3) - 1.0 / 360 * Math.Pow(N, 4) - 81.0 / 512 * Math.Pow(N, 5) + 96199.0 / 604800 * Math.Pow(N, 6);
    private static readonly double Beta2 = 1.0 / 48 * N * N + 1.0 / 15 * Math.Pow(N, 3) - 437.0 / 1440 * Math.Pow(N, 4) + 46.0 / 105 * Math.Pow(N, 5) - 1118711.0 / 3870720 * Math.Pow(N, 6);
    private static readonly double Beta3 = 17.0 / 480 * Math.Pow(N, 3) - 37.0 / 840 * Math.Pow(N, 4) - 209.0 / 4480 * Math.Pow(N, 5) + 5569.0 / 90720 * Math.Pow(N, 6);

    private static readonly double Delta1 = 2 * N - 2.0 / 3 * N * N - 2 * Math.Pow(N, 3) + 116.0 / 45 * Math.Pow(N, 4) + 26.0 / 45 * Math.Pow(N, 5) - 2854.0 / 675 * Math.Pow(N, 6);
    private static readonly double Delta2 = 7.0 / 3 * N * N - 8.0 / 5 * Math.Pow(N, 3) - 227.0 / 45 * Math.Pow(N, 4) + 2704.0 / 315 * Math.Pow(N, 5) + 2323.0 / 945 * Math.Pow(N, 6);
    private static readonly double Delta3 = 56.0 / 15 * Math.Pow(N, 3) - 136.0 / 35 * Math.Pow(N, 4) - 1262.0 / 105 * Math.Pow(N, 5) + 73814.0 / 2835 * Math.Pow(N, 6);
    private static readonly double Delta4 = 4279.0 / 630 * Math.Pow(N, 4) - 332.0 / 35 * Math.Pow(N, 5) - 399572.0 / 14175 * Math.Pow(N, 6);

    /// <summary>Longitude and geodetic latitude, in radians, of an EPSG:25832 easting and northing.</summary>
    public static (double Lambda, double Phi) ToLonLatRadians(double easting, double northing)
    {
        var xi = northing / Radius;
        var eta = (easting - FalseEasting) / Radius;
        // sin/cos of 2jξ and sinh/cosh of 2jη for j = 1..3 by the angle-addition recurrences.
        var (s1, c1) = Math.SinCos(2 * xi);
        var s2 = 2 * s1 * c1;
        var c2 = 2 * c1 * c1 - 1;
        var s3 = 2 * c1 * s2 - s1;
        var c3 = 2 * c1 * c2 - c1;
        var ex = Math.Exp(2 * eta);
        var sh1 = (ex - 1 / ex) / 2;
        var ch1 = (ex + 1 / ex) / 2;
        var sh2 = 2 * sh1 * ch1;
        var ch2 = 2 * ch1 * ch1 - 1;
        var sh3 = 2 * ch1 * sh2 - sh1;
        var ch3 = 2 * ch1 * ch2 - ch1;
        var xiP = xi - (Beta1 * s1 * ch1 + Beta2 * s2 * ch2 + Beta3 * s3 * ch3);
        var etaP = eta - (Beta1 * c1 * sh1 + Beta2 * c2 * sh2 + Beta3 * c3 * sh3);
        var (sinXi, cosXi) = Math.SinCos(xiP);
        var chi = Math.Asin(sinXi / Math.Cosh(etaP));
        var lambda = CentralMeridian + Math.Atan2(Math.Sinh(etaP), cosXi);
        var (t1, u1) = Math.SinCos(2 * chi);
        var t2 = 2 * t1 * u1;
        var u2 = 2 * u1 * u1 - 1;
        var t3 = 2 * u1 * t2 - t1;
        var u3 = 2 * u1 * u2 - u1;
        var t4 = 2 * u1 * t3 - t2;
        var phi = chi + Delta1 * t1 + Delta2 * t2 + Delta3 * t3 + Delta4 * t4;
        return (lambda, phi);
    }

    /// <summary>
    /// The point on the unit Web Mercator square: x from 0 at 180° W to 1 at 180° E, y from 0 at the top
    /// (85.05° N) to 1 at the bottom. Tile pixels are these times 2^z × extent, minus the tile's offset.
    /// </summary>
    public static (double X, double Y) ToUnitSquare(double easting, double northing)
    {
        var (lambda, phi) = ToLonLatRadians(easting, northing);
        return (0.5 + lambda / (2 * Math.PI), 0.5 - Math.Asinh(Math.Tan(phi)) / (2 * Math.PI));
    }
}
