using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Tests.ShadowFlicker.Before;

namespace VeSiting.Core.Tests.ShadowFlicker;

/// <summary>
/// The calculator against its earlier form (<see cref="ShadowFlickerCalculatorBefore"/>, which the independent script checks):
/// the same minutes, days, longest day, expected hours, turbines and calendar, to the last bit, at random dwellings in Denmark.
/// </summary>
public sealed class FasterCalculatorTests
{
    private static readonly ShadowFlickerConventions Conventions = FlickerTestRules.Conventions();
    private static readonly ShadowFlickerCalculator Calculator = new(Conventions);
    private static readonly ShadowFlickerCalculatorBefore Before = new(Conventions);

    [Theory]
    [InlineData(1, 2025)]
    [InlineData(2, 2026)]
    [InlineData(3, 2028)]
    public void Random_dwellings_and_turbines_give_exactly_what_the_earlier_calculator_gave(int seed, int year)
    {
        // Dwellings anywhere in Denmark (EPSG:25832 E 450–720 km, N 6,060–6,400 km), 1–5 turbines each in every direction out to
        // 1.2 × the maximum distance, hubs 40–130 m, rotors 40–170 m (some beyond the maximum, some near the foot of the tower).
        var random = new Random(seed);
        for (var k = 0; k < 12; k++)
        {
            var dwelling = new FlickerReceptor($"d{k}", 450_000 + 270_000 * random.NextDouble(), 6_060_000 + 340_000 * random.NextDouble());
            var turbines = Enumerable.Range(0, 1 + random.Next(5)).Select(i => RandomTurbine(random, dwelling, $"T{i}")).ToList();
            AssertSame(Before.Calendar(dwelling, turbines, year), Calculator.Calendar(dwelling, turbines, year));
        }
    }

    [Fact]
    public void Seventy_turbines_sharing_the_bits_of_a_mask_give_what_the_earlier_calculator_gave()
    {
        // Beyond 64 pairs two turbines share a bit of a minute's mask: only unions and counts may use it.
        var random = new Random(7);
        var dwelling = new FlickerReceptor("d", 590_000, 6_190_000);
        var turbines = Enumerable.Range(0, 70).Select(i => RandomTurbine(random, dwelling, $"T{i:00}")).ToList();
        AssertSame(Before.Calendar(dwelling, turbines, 2026), Calculator.Calendar(dwelling, turbines, 2026));
    }

    private static FlickerTurbine RandomTurbine(Random random, FlickerReceptor dwelling, string id)
    {
        var rotor = 40 + 130 * random.NextDouble();
        var distance = 1.2 * Conventions.MaxDistance(rotor) * Math.Sqrt(random.NextDouble());
        var bearing = 2 * Math.PI * random.NextDouble();
        return new FlickerTurbine(id, dwelling.Easting + distance * Math.Sin(bearing), dwelling.Northing + distance * Math.Cos(bearing), 40 + 90 * random.NextDouble(), rotor);
    }

    private static void AssertSame((DwellingFlicker Flicker, IReadOnlyList<FlickerSpell> Calendar) expected, (DwellingFlicker Flicker, IReadOnlyList<FlickerSpell> Calendar) actual)
    {
        var (e, a) = (expected.Flicker, actual.Flicker);
        Assert.Equal((e.WorstCaseMinutes, e.Days, e.MaxMinutesPerDay, e.ExpectedHours), (a.WorstCaseMinutes, a.Days, a.MaxMinutesPerDay, a.ExpectedHours));
        Assert.Equal(e.Turbines, a.Turbines);
        Assert.Equal(expected.Calendar.Count, actual.Calendar.Count);
        foreach (var (x, y) in expected.Calendar.Zip(actual.Calendar))
        {
            Assert.Equal((x.Date, x.Start, x.End, x.Minutes), (y.Date, y.Start, y.End, y.Minutes));
            Assert.Equal(x.Turbines, y.Turbines);
        }
    }
}
