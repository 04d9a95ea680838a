using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Core.Tests.Rules;

public sealed class RuleBookTests
{
    [Fact]
    public void Finds_the_set_whose_period_covers_the_permit_date()
    {
        var book = TestRules.Danish();
        Assert.Equal("2021-01-01", book.Find(Schemes.VeBonus, new DateOnly(2021, 1, 1))!.Version);
        Assert.Equal("2020-06-01", book.Find(Schemes.VeBonus, new DateOnly(2020, 12, 31))!.Version);
        Assert.Null(book.Find(Schemes.VeBonus, new DateOnly(2020, 5, 31)));
    }

    [Fact]
    public void A_users_rule_set_wins_over_the_default_for_the_same_period()
    {
        var local = TestRules.Set(Schemes.MinimumDistance, "2024-01-01", null, ("windMultipleOfH", 4, "H"), ("solarMinDistance", 100, "m")) with { Priority = 1, Version = "local" };
        var book = new RuleBook([.. TestRules.Danish().All, local]);
        Assert.Equal("local", book.Find(Schemes.MinimumDistance, new DateOnly(2025, 1, 1))!.Version);
        Assert.Equal("2009-01-01", book.Find(Schemes.MinimumDistance, new DateOnly(2023, 1, 1))!.Version);

        // …and a municipality's local solar distance then flags a dwelling 80 m from a solar park.
        var solar = PlannedPlants.Turbine("s", 600000, 6200000, 1, 0) with { Kind = PlantKind.SolarPark, CapacityKw = 5000 };
        var findings = NeighbourSchemes.Evaluate(solar, 80, new PermitBasis(new DateOnly(2025, 1, 1), false, "given"), book, new Provenance());
        Assert.True(findings.Single(f => f.Scheme == Schemes.MinimumDistance).Violation);
    }

    [Fact]
    public void Overlapping_periods_of_one_scheme_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new RuleBook(
        [
            TestRules.Set(Schemes.GreenPool, "2020-01-01", "2021-12-31", ("onshoreWind", 1, "DKK/MW")),
            TestRules.Set(Schemes.GreenPool, "2021-06-01", null, ("onshoreWind", 2, "DKK/MW")),
        ]));
        Assert.Contains("green-pool", e.Message);
    }

    [Fact]
    public void A_permit_date_before_every_period_is_a_clear_error()
    {
        var book = TestRules.Danish();
        var e = Assert.Throws<RulePeriodException>(() => book.EnsureCovered(new DateOnly(2005, 1, 1)));
        Assert.Contains("2005-01-01", e.Message);
        Assert.Contains("2009-01-01", e.Message);
        book.EnsureCovered(new DateOnly(2009, 1, 1));
    }

    [Theory]
    [InlineData(24.95, Coverage.NotCovered)]
    [InlineData(25, Coverage.Covered)]
    public void Wind_turbines_are_covered_from_25_m_total_height(double height, Coverage expected)
    {
        var turbine = PlannedPlants.Turbine("t", 600000, 6200000, height - 5, 10);
        var rules = TestRules.Danish().Require(Schemes.PlantEligibility, new DateOnly(2022, 1, 1));
        Assert.Equal(expected, PlantEligibility.Evaluate(turbine, rules, new Provenance()).Coverage);
    }

    [Theory]
    [InlineData(500, Coverage.Covered)]
    [InlineData(499, Coverage.MayBeCovered)]
    [InlineData(50, Coverage.MayBeCovered)]
    [InlineData(49, Coverage.NotCovered)]
    public void Solar_size_classes(double kw, Coverage expected)
    {
        var solar = PlannedPlants.Turbine("s", 600000, 6200000, 1, 0) with { Kind = PlantKind.SolarPark, CapacityKw = kw };
        var rules = TestRules.Danish().Require(Schemes.PlantEligibility, new DateOnly(2022, 1, 1));
        Assert.Equal(expected, PlantEligibility.Evaluate(solar, rules, new Provenance()).Coverage);
    }
}
