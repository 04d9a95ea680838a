using System.Globalization;
using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Core.Tests.ShadowFlicker;

public class ShadowFlickerCalculatorTests
{
    // The geometry of flicker_reference.py: a dwelling at E 590000, N 6190000 (EPSG:25832, on Samsø's latitude,
    // 55.847° N 10.437° E), turbines with hub 95 m and rotor 110 m, the year 2025.
    private static readonly FlickerReceptor Dwelling = new("d", 590000, 6190000);
    private static readonly ShadowFlickerCalculator Calculator = new(FlickerTestRules.Conventions());

    private static readonly Dictionary<string, FlickerTurbine[]> Cases = new()
    {
        ["east-of-turbine"] = [Turbine("T1", -500, 0)],
        ["north-1000"] = [Turbine("T1", 0, -1000)],
        ["north-400"] = [Turbine("T1", 0, -400)],
        ["beyond-max-distance"] = [Turbine("T1", -1300, 0)],
        ["two-turbines"] = [Turbine("T1", -500, 0), Turbine("T2", -450, -300)],
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Worst_and_expected_case_agree_with_the_independent_python_script(string name)
    {
        // flicker-reference.csv is written by flicker_reference.py beside this file (ephem's Sun, pyproj's geodesics,
        // zoneinfo's Danish days). The two Sun models differ by thousandths of a degree, which moves a spell's first or
        // last minute now and then: minutes agree to 1 % (at least 5), days and the longest day to 2.
        var reference = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ShadowFlicker", "flicker-reference.csv"))
            .Skip(1).Select(l => l.Split(',')).Single(f => f[0] == name);
        var expectedMinutes = int.Parse(reference[1], CultureInfo.InvariantCulture);
        var result = Calculator.ForDwelling(Dwelling, Cases[name], 2025);
        Assert.InRange(result.WorstCaseMinutes, expectedMinutes - Math.Max(5, expectedMinutes / 100), expectedMinutes + Math.Max(5, expectedMinutes / 100));
        Assert.InRange(result.Days, int.Parse(reference[2], CultureInfo.InvariantCulture) - 2, int.Parse(reference[2], CultureInfo.InvariantCulture) + 2);
        Assert.InRange(result.MaxMinutesPerDay, int.Parse(reference[3], CultureInfo.InvariantCulture) - 2, int.Parse(reference[3], CultureInfo.InvariantCulture) + 2);
        var expectedHours = double.Parse(reference[4], CultureInfo.InvariantCulture);
        Assert.InRange(result.ExpectedHours, expectedHours * 0.98 - 0.05, expectedHours * 1.02 + 0.05);
    }

    [Fact]
    public void A_dwelling_due_north_beyond_the_winter_noon_shadow_gets_none()
    {
        // Hub 1,000 m due south: seen at atan(94 / 1000) = 5.37° elevation, angular radius asin(55 / 1004.4) = 3.14°, so
        // flicker needs the Sun due south below 8.5°; the lowest noon Sun at 55.85° N is 90 − 55.85 − 23.44 = 10.7°.
        var result = Calculator.ForDwelling(Dwelling, Cases["north-1000"], 2025);
        Assert.Equal(0, result.WorstCaseMinutes);
        Assert.Empty(result.Turbines);
    }

    [Fact]
    public void A_turbine_beyond_the_maximum_distance_casts_none()
    {
        // Maximum distance = 0.02 · 110 / (0.2 · 0.533° · π/180) = 2.2 / 0.0018605 = 1,182.5 m < 1,300 m.
        Assert.Equal(1182.5, Calculator.Conventions.MaxDistance(110), 0.1);
        Assert.Equal(0, Calculator.ForDwelling(Dwelling, Cases["beyond-max-distance"], 2025).WorstCaseMinutes);
    }

    [Fact]
    public void Calendar_spell_of_29_March_checked_by_hand()
    {
        // The hub seen from the dwelling (pyproj geodesic): azimuth 271.19°, 500.15 m, elevation atan(94 / 500.15)
        // = 10.64°, angular radius asin(55 / 508.9) = 6.20°. Sun (ephem) on 2025-03-29 UTC, azimuth / elevation and the
        // separation from the hub √((Δaz·cos e)² + Δe²):
        //   16:53  265.87° / 7.22°  → √((5.32·0.99)² + 3.42²) = 6.28° > 6.20 (no flicker)
        //   16:54  266.08° / 7.08°  → √((5.11·0.99)² + 3.57²) = 6.18° < 6.20 (flicker starts)
        //   17:11  269.61° / 4.70°  → √((1.58·0.99)² + 5.95²) = 6.15° < 6.20 (last minute)
        //   17:12  269.82° / 4.56°  → √((1.37·0.99)² + 6.09²) = 6.24° > 6.20 (over)
        // So 16:54–17:12 UTC, 18 minutes; Denmark is on CET (UTC+1) until 30 March: 17:54–18:12.
        var (_, calendar) = Calculator.Calendar(Dwelling, Cases["east-of-turbine"], 2025);
        var spell = Assert.Single(calendar, s => s.Date == new DateOnly(2025, 3, 29));
        Assert.Equal(new TimeOnly(17, 54), spell.Start);
        Assert.Equal(new TimeOnly(18, 12), spell.End);
        Assert.Equal(18, spell.Minutes);
        Assert.Equal(["T1"], spell.Turbines);
    }

    [Fact]
    public void Calendar_agrees_spell_by_spell_with_the_python_script()
    {
        var reference = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ShadowFlicker", "flicker-calendar.csv")).Skip(1)
            .Select(l => l.Split(',')).ToList();
        var (flicker, calendar) = Calculator.Calendar(Dwelling, Cases["east-of-turbine"], 2025);
        Assert.Equal(reference.Count, calendar.Count);
        Assert.Equal(flicker.WorstCaseMinutes, calendar.Sum(s => s.Minutes));
        foreach (var (spell, row) in calendar.Zip(reference))
        {
            Assert.Equal(DateOnly.Parse(row[0], CultureInfo.InvariantCulture), spell.Date);
            Assert.InRange(MinutesBetween(spell.Start, row[1]), -1, 1);
            Assert.InRange(MinutesBetween(spell.End, row[2]), -1, 1);
        }
    }

    [Fact]
    public void Summer_time_changes_the_clock_not_the_Sun()
    {
        // Last Sunday of March 2025 is the 30th: 01:00 UTC becomes 03:00 CEST; the last Sunday of October is the 26th.
        Assert.Equal(new DateTime(2025, 3, 30, 1, 59, 0), DanishTime.FromUtc(new DateTime(2025, 3, 30, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 3, 30, 3, 0, 0), DanishTime.FromUtc(new DateTime(2025, 3, 30, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 10, 26, 2, 59, 0), DanishTime.FromUtc(new DateTime(2025, 10, 26, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 10, 26, 2, 0, 0), DanishTime.FromUtc(new DateTime(2025, 10, 26, 1, 0, 0, DateTimeKind.Utc)));
    }

    private static double MinutesBetween(TimeOnly time, string reference) =>
        time.ToTimeSpan().TotalMinutes - TimeOnly.Parse(reference, CultureInfo.InvariantCulture).ToTimeSpan().TotalMinutes;

    private static FlickerTurbine Turbine(string id, double dx, double dy) => new(id, Dwelling.Easting + dx, Dwelling.Northing + dy, 95, 110);
}
