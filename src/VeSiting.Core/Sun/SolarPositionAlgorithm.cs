namespace VeSiting.Core.Sun;

/// <summary>
/// NREL's Solar Position Algorithm (Reda &amp; Andreas, NREL/TP-560-34302; uncertainty ±0.0003° for −2000…6000),
/// split in two: <c>Geocentric</c> (the Sun's apparent place and the sidereal time, the same for every place)
/// and <see cref="Topocentric"/> (parallax, hour angle, elevation and azimuth for one observer). Times are UTC taken
/// as UT1 (|UT1 − UTC| &lt; 0.9 s); ΔT = TT − UT in seconds.
/// </summary>
public static class SolarPositionAlgorithm
{
    private const double Deg = Math.PI / 180;
    private const double SunRadius = 0.26667;
    private const double AtmosphericRefraction = 0.5667;

    /// <summary>The Sun's position for an observer at a UTC instant; <paramref name="atmosphere"/> null gives the geometric elevation (no refraction).</summary>
    public static SunPosition Position(DateTime utc, Observer observer, double deltaT, Atmosphere? atmosphere = null) =>
        Topocentric(Geocentric(utc, deltaT), observer, atmosphere);

    /// <summary>Julian day of a UTC instant (its <see cref="DateTime.Kind"/> must not be local).</summary>
    public static double JulianDay(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
            throw new ArgumentException("the time must be UTC", nameof(utc));
        return utc.Ticks / (double)TimeSpan.TicksPerDay + 1721425.5;
    }

    /// <summary>ΔT = TT − UT in seconds for a decimal year, by Espenak &amp; Meeus's polynomial for 2005–2050 (NASA, "Polynomial expressions for Delta T").</summary>
    public static double EstimatedDeltaT(double year)
    {
        var t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

    public static GeocentricSun Geocentric(DateTime utc, double deltaT) => Geocentric(JulianDay(utc), deltaT);

    public static GeocentricSun Geocentric(double jd, double deltaT)
    {
        var jc = (jd - 2451545) / 36525;
        var jde = jd + deltaT / 86400;
        var jce = (jde - 2451545) / 36525;
        var jme = jce / 10;

        var l = Normalise(Series(SpaTables.L, jme) / 1e8 / Deg);
        var b = Series(SpaTables.B, jme) / 1e8 / Deg;
        var r = Series(SpaTables.R, jme) / 1e8;

        var theta = Normalise(l + 180);
        var beta = -b;

        var (dPsi, dEpsilon) = Nutation(jce);
        var u = jme / 10;
        var epsilon0 = 84381.448 + u * (-4680.93 + u * (-1.55 + u * (1999.25 + u * (-51.38 + u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
        var epsilon = epsilon0 / 3600 + dEpsilon;

        var aberration = -20.4898 / (3600 * r);
        var lambda = theta + dPsi + aberration;

        var nu0 = Normalise(280.46061837 + 360.98564736629 * (jd - 2451545) + jc * jc * (0.000387933 - jc / 38710000));
        var nu = nu0 + dPsi * Math.Cos(epsilon * Deg);

        var sinLambda = Math.Sin(lambda * Deg);
        var alpha = Normalise(Math.Atan2(sinLambda * Math.Cos(epsilon * Deg) - Math.Tan(beta * Deg) * Math.Sin(epsilon * Deg), Math.Cos(lambda * Deg)) / Deg);
        var delta = Math.Asin(Math.Sin(beta * Deg) * Math.Cos(epsilon * Deg) + Math.Cos(beta * Deg) * Math.Sin(epsilon * Deg) * sinLambda) / Deg;
        var xi = 8.794 / (3600 * r);
        return new GeocentricSun(alpha, delta, nu, xi);
    }

    /// <summary>The observer's view of a geocentric Sun: parallax in right ascension and declination, then elevation and azimuth.</summary>
    public static SunPosition Topocentric(in GeocentricSun sun, Observer observer, Atmosphere? atmosphere = null)
    {
        var phi = observer.Latitude * Deg;
        var h = Normalise(sun.SiderealTime + observer.Longitude - sun.RightAscension) * Deg;
        var xi = sun.Parallax * Deg;
        var delta = sun.Declination * Deg;

        var uTerm = Math.Atan(0.99664719 * Math.Tan(phi));
        var x = Math.Cos(uTerm) + observer.Elevation / 6378140 * Math.Cos(phi);
        var y = 0.99664719 * Math.Sin(uTerm) + observer.Elevation / 6378140 * Math.Sin(phi);

        var sinXi = Math.Sin(xi);
        var denominator = Math.Cos(delta) - x * sinXi * Math.Cos(h);
        var dAlpha = Math.Atan2(-x * sinXi * Math.Sin(h), denominator);
        var deltaPrime = Math.Atan2((Math.Sin(delta) - y * sinXi) * Math.Cos(dAlpha), denominator);
        var hPrime = h - dAlpha;

        var sinPhi = Math.Sin(phi);
        var cosPhi = Math.Cos(phi);
        var e0 = Math.Asin(sinPhi * Math.Sin(deltaPrime) + cosPhi * Math.Cos(deltaPrime) * Math.Cos(hPrime)) / Deg;
        var e = e0;
        if (atmosphere is { } air && e0 >= -(SunRadius + AtmosphericRefraction))
            e += air.PressureMbar / 1010 * (283 / (273 + air.TemperatureC)) * 1.02 / (60 * Math.Tan((e0 + 10.3 / (e0 + 5.11)) * Deg));

        var gamma = Math.Atan2(Math.Sin(hPrime), Math.Cos(hPrime) * sinPhi - Math.Tan(deltaPrime) * cosPhi) / Deg;
        return new SunPosition(e, Normalise(gamma + 180));
    }

    private static double Series(double[][,] terms, double jme)
    {
        var total = 0.0;
        var power = 1.0;
        foreach (var table in terms)
        {
            var sum = 0.0;
            for (var i = 0; i < table.GetLength(0); i++)
                sum += table[i, 0] * Math.Cos(table[i, 1] + table[i, 2] * jme);
            total += sum * power;
            power *= jme;
        }
        return total;
    }

    private static (double Psi, double Epsilon) Nutation(double jce)
    {
        Span<double> x =
        [
            297.85036 + jce * (445267.111480 + jce * (-0.0019142 + jce / 189474)),
            357.52772 + jce * (35999.050340 + jce * (-0.0001603 - jce / 300000)),
            134.96298 + jce * (477198.867398 + jce * (0.0086972 + jce / 56250)),
            93.27191 + jce * (483202.017538 + jce * (-0.0036825 + jce / 327270)),
            125.04452 + jce * (-1934.136261 + jce * (0.0020708 + jce / 450000)),
        ];
        double psi = 0, epsilon = 0;
        for (var i = 0; i < SpaTables.NutationY.GetLength(0); i++)
        {
            var argument = 0.0;
            for (var j = 0; j < 5; j++)
                argument += x[j] * SpaTables.NutationY[i, j];
            argument *= Deg;
            psi += (SpaTables.NutationAbcd[i, 0] + SpaTables.NutationAbcd[i, 1] * jce) * Math.Sin(argument);
            epsilon += (SpaTables.NutationAbcd[i, 2] + SpaTables.NutationAbcd[i, 3] * jce) * Math.Cos(argument);
        }
        return (psi / 36000000, epsilon / 36000000);
    }

    private static double Normalise(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }
}
