using System.Globalization;
using VeSiting.Core.Sun;

namespace VeSiting.Core.Tests.Sun;

public class SolarPositionAlgorithmTests
{
    [Fact]
    public void Spa_published_example_gives_its_zenith_and_azimuth()
    {
        // Reda & Andreas (NREL/TP-560-34302), Table A5.1: 2003-10-17 12:30:30 local time at UTC−7 = 19:30:30 UTC,
        // φ 39.742476°, σ −105.1786°, E 1830.14 m, P 820 mbar, T 11 °C, ΔT 67 s →
        // topocentric zenith 50.11162°, topocentric azimuth 194.34024° (the paper's own result).
        var utc = new DateTime(2003, 10, 17, 19, 30, 30, DateTimeKind.Utc);
        var sun = SolarPositionAlgorithm.Position(utc, new Observer(39.742476, -105.1786, 1830.14), 67, new Atmosphere(820, 11));
        Assert.Equal(50.11162, sun.Zenith, 0.0001);
        Assert.Equal(194.34024, sun.Azimuth, 0.0001);
    }

    [Fact]
    public void Spa_published_example_intermediate_values()
    {
        // Table A5.1 of the same report: JD 2452930.312847, L 24.0182616917°, Δψ −0.00399840°, ε 23.440465°,
        // α 202.22741°, δ −9.31434°.
        var utc = new DateTime(2003, 10, 17, 19, 30, 30, DateTimeKind.Utc);
        Assert.Equal(2452930.312847, SolarPositionAlgorithm.JulianDay(utc), 0.000001);
        var geocentric = SolarPositionAlgorithm.Geocentric(utc, 67);
        Assert.Equal(202.22741, geocentric.RightAscension, 0.00001);
        Assert.Equal(-9.31434, geocentric.Declination, 0.00001);
    }

    [Fact]
    public void Agrees_with_python_ephem_at_1200_random_times_and_places_in_Denmark()
    {
        // sun-reference.csv is written by sun_reference.py beside this file (Debian's python3-ephem, refraction off).
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Sun", "sun-reference.csv")).Skip(1).ToList();
        Assert.Equal(1200, lines.Count);
        var worstElevation = 0.0;
        var worstAzimuth = 0.0;
        foreach (var line in lines)
        {
            var f = line.Split(',');
            var utc = DateTime.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var observer = new Observer(D(f[1]), D(f[2]), D(f[3]));
            var sun = SolarPositionAlgorithm.Position(utc, observer, SolarPositionAlgorithm.EstimatedDeltaT(utc.Year + utc.DayOfYear / 365.25));
            worstElevation = Math.Max(worstElevation, Math.Abs(sun.Elevation - D(f[4])));
            var dAz = Math.Abs(sun.Azimuth - D(f[5]));
            worstAzimuth = Math.Max(worstAzimuth, Math.Min(dAz, 360 - dAz));
        }
        Assert.True(worstElevation < 0.01, $"largest elevation difference {worstElevation}°");
        Assert.True(worstAzimuth < 0.01, $"largest azimuth difference {worstAzimuth}°");
    }

    [Fact]
    public void EstimatedDeltaT_follows_Espenak_Meeus()
    {
        // 2025.0: t = 25 → 62.92 + 0.32217·25 + 0.005589·625 = 62.92 + 8.05425 + 3.493125 = 74.467375 s.
        Assert.Equal(74.467375, SolarPositionAlgorithm.EstimatedDeltaT(2025), 1e-9);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
