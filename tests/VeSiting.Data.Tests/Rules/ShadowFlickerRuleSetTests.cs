using VeSiting.Core.Rules;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Tests.Rules;

/// <summary>The shipped shadow-flicker rule set: the guidance's 10 hours, and every convention with the confidence its source allows.</summary>
public sealed class ShadowFlickerRuleSetTests
{
    private static readonly string Geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");

    [Fact]
    public void Shipped_conventions_load_and_the_answer_lists_what_is_not_confirmed()
    {
        var set = RuleLibrary.Load(Geodata).Rules.Require(Schemes.ShadowFlicker, new DateOnly(2026, 1, 1));
        var provenance = new Provenance();
        var conventions = ShadowFlickerConventions.From(set, provenance);

        // The planning guidance: at most 10 hours a year of expected flicker (Erhvervsstyrelsen, confirmed).
        Assert.Equal(10, conventions.MaxExpectedHoursPerYear);
        Assert.Equal(Confidence.Confirmed, set["maxExpectedHoursPerYear"].Confidence);
        Assert.Equal(3, conventions.MinimumSunElevation);
        // 0.02 / (0.2 · 0.533 · π / 180) = 0.02 / 0.00186052 = 10.750 rotor diameters.
        Assert.Equal(10.750, conventions.MaxDistancePerRotorDiameter, 0.001);
        // DMI 1961–90 months sum to 1,496 h (the annual normal is 1,495 h); 12 sectors × 0.85/12 = 0.85 of the year.
        Assert.Equal(1496, conventions.SunshineHours.Sum(), 0.001);
        Assert.Equal(0.85, conventions.OperatingShares.Sum(), 0.0001);

        Assert.Equal([set.Ref], provenance.RuleSets);
        Assert.Contains(provenance.Reported, u => u.Key == "minimumSunElevation");
        Assert.Contains(provenance.Reported, u => u.Key == "sunshineHoursMay");
        Assert.Contains(provenance.Unconfirmed, u => u.Key == "meanBladeWidthShareOfRotorDiameter");
        Assert.Contains(provenance.Unconfirmed, u => u.Key == "operatingShareFrom270");
        Assert.DoesNotContain(provenance.Reported.Concat(provenance.Unconfirmed), u => u.Key == "maxExpectedHoursPerYear");
    }
}
