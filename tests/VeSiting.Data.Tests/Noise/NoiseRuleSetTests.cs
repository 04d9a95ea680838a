using VeSiting.Core.Noise;
using VeSiting.Core.Rules;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Tests.Noise;

/// <summary>The shipped noise rule sets against the values in ../shared/docs/dk-ve-rules.md, and what an answer learns about their confidence.</summary>
public sealed class NoiseRuleSetTests
{
    private static readonly RuleBook Book = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata")).Rules;

    [Fact]
    public void The_noise_order_limits_and_method_are_read_from_the_rule_set()
    {
        var provenance = new Provenance();
        var rules = NoiseRules.From(Book, new DateOnly(2026, 12, 5), provenance);
        Assert.Equal((44.0, 42.0, 39.0, 37.0, 20.0), (rules.LimitOpenCountry8, rules.LimitOpenCountry6, rules.LimitNoiseSensitive8, rules.LimitNoiseSensitive6, rules.LimitLowFrequencyIndoor));
        Assert.Equal((11.0, 1.5), (rules.GeometricTerm, rules.GroundTerm));
        Assert.Equal([0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117], rules.AirAbsorptionDbPerKm);
        var lf = rules.LowFrequency!;
        Assert.Equal([0, 0, 0, 0, .02, .03, .05, .07, .11, .17, .26, .38, .55], lf.AirAbsorptionDbPerKm);
        Assert.Equal([6.0, 6.0, 5.8, 5.6, 5.4, 5.2, 5.0, 4.7, 4.3, 3.7, 3.0, 1.8, 0.0], lf.GroundTerm);
        Assert.Equal([4.9, 5.9, 4.6, 6.6, 8.4, 10.8, 11.4, 13.0, 16.6, 19.7, 21.2, 20.2, 21.2], lf.InsulationDwelling);
        Assert.Equal([6.8, 3.9, 0.4, -0.2, 4.8, 6.2, 8.4, 10.5, 11.9, 11.9, 16.0, 17.5, 17.9], lf.InsulationSummerHouse);
        Assert.Equal((60.0, 130.0, -50.0, "noise-estimates 2026.2"), (rules.Range.MinimumLwa, rules.Range.MaximumLwa, rules.Range.MinimumBandLevel, rules.Range.RuleSet));
        // The default shape sums (as energies) to 0 dB within its one-decimal rounding.
        Assert.Equal(0, NoiseBands.EnergySum(rules.DefaultOctaveShape), 0.05);
    }

    [Fact]
    public void An_answer_lists_the_method_constants_as_reported_and_the_conventions_as_unconfirmed()
    {
        var provenance = new Provenance();
        var rules = NoiseRules.From(Book, new DateOnly(2026, 12, 5), provenance);
        Assert.Contains(provenance.Reported, u => u.Key == "geometricTerm");
        Assert.Contains(provenance.Reported, u => u.Key == "airAbsorption8000Hz");
        Assert.DoesNotContain(provenance.Reported.Concat(provenance.Unconfirmed), u => u.Key.StartsWith("limit", StringComparison.Ordinal));
        Assert.Contains(provenance.Unconfirmed, u => u.Key == "cutoffMargin");
        Assert.DoesNotContain(provenance.Reported, u => u.Key.StartsWith("lf", StringComparison.Ordinal));
        rules.UseLowFrequency(provenance);
        Assert.Contains(provenance.Reported, u => u.Key == "lfInsulationSummerHouse12.5Hz");
        Assert.Equal(2, provenance.RuleSets.Count);
    }

    [Fact]
    public void Noise_rule_sets_do_not_split_the_money_schemes_permit_periods()
    {
        // The noise set starts 2019-02-07; a permit date known only as "before 2022" must not get an extra period ending 2019-02-06.
        var basis = new PermitBasis(new DateOnly(2021, 12, 31), IsAssumed: true, "connected 2021") { IsUpperBound = true };
        Assert.DoesNotContain(new DateOnly(2019, 2, 6), basis.EarlierPeriodEnds(Book));
    }
}
