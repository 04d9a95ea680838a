using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Core.Tests.Rules;

public sealed class NeighbourSchemesTests
{
    private static readonly RuleBook Book = TestRules.Danish();
    private static readonly DateOnly Permit = new(2022, 5, 1);

    // H = 95 + 110 / 2 = 150 m: minimum 600 m, sales option 600–900 m, VE-bonus ≤ 1,200 m, fee beyond 900 m.
    private static readonly Plant Turbine = PlannedPlants.Turbine("t", 638500, 6150500, 95, 110, 4200, Permit);

    private static Dictionary<string, SchemeFinding> At(double distance, Plant? plant = null, DateOnly? permit = null) =>
        NeighbourSchemes.Evaluate(plant ?? Turbine, distance, new PermitBasis(permit ?? Permit, false, "given"), Book, new Provenance())
            .ToDictionary(f => f.Scheme);

    [Theory]
    [InlineData(599.99, true, false, true, 0.0)]
    [InlineData(600, false, true, true, 0.0)]
    [InlineData(900, false, true, true, 0.0)]
    [InlineData(900.01, false, false, true, 4000.0)]
    [InlineData(1200, false, false, true, 4000.0)]
    [InlineData(1200.01, false, false, false, 4000.0)]
    public void Rings_of_a_150_m_turbine(double distance, bool violation, bool salesOption, bool veBonus, double fee)
    {
        var f = At(distance);
        Assert.Equal(violation, f[Schemes.MinimumDistance].Violation);
        Assert.Equal(salesOption, f[Schemes.SalesOption].Applies);
        Assert.Equal(veBonus, f[Schemes.VeBonus].Applies);
        Assert.Equal(fee, f[Schemes.LossOfValue].AmountDkk);
        Assert.True(f[Schemes.LossOfValue].Applies); // anyone may claim
    }

    [Fact]
    public void Findings_are_reasons_rendered_in_danish_with_the_laws_words()
    {
        // 1,234.5 m / 150 m = 8.23 × H: beyond the VE-bonus's 8 × H = 1,200 m; beyond the fee's 6 × H.
        var f = At(1234.5);
        var danish = VeSiting.Core.Explanations.MessageCatalogue.Danish;
        Assert.Equal("ve-bonus.beyond", f[Schemes.VeBonus].Why.Code);
        Assert.Equal("1.234,5 m = 8,23 × H (totalhøjde H = 150 m) > 8 × H = 1.200 m", f[Schemes.VeBonus].Why.Render(danish));
        Assert.Equal("1,234.5 m = 8.23 × H (H = 150 m) > 8 × H = 1,200 m", f[Schemes.VeBonus].Reason);
        Assert.StartsWith("kan kræve erstatning efter værditabsordningen; ", f[Schemes.LossOfValue].Why.Render(danish));
        Assert.Contains("minimumsafstanden", At(500)[Schemes.MinimumDistance].Why.Render(danish));
    }

    [Fact]
    public void Every_finding_says_why_and_which_rule_set()
    {
        var f = At(750);
        Assert.Equal("750 m = 5 × H (H = 150 m) is within 4–6 × H (600–900 m)", f[Schemes.SalesOption].Reason);
        Assert.Equal("sales-option", f[Schemes.SalesOption].RuleSet!.Id);
        Assert.Equal(6.5, f[Schemes.VeBonus].KPerHouseholdKw);
    }

    [Fact]
    public void Permits_before_June_2020_get_neither_sales_option_nor_VE_bonus()
    {
        var f = At(750, permit: new DateOnly(2015, 1, 1));
        Assert.False(f[Schemes.SalesOption].Applies);
        Assert.Contains("applies to permits from 2020-06-01", f[Schemes.VeBonus].Reason);
    }

    [Fact]
    public void K_follows_the_permit_date()
    {
        Assert.Equal(5, At(750, permit: new DateOnly(2020, 8, 1))[Schemes.VeBonus].KPerHouseholdKw);
        Assert.Equal(6.5, At(750, permit: new DateOnly(2024, 6, 30))[Schemes.VeBonus].KPerHouseholdKw);
        Assert.Equal(9.75, At(750, permit: new DateOnly(2024, 7, 1))[Schemes.VeBonus].KPerHouseholdKw);
    }

    [Fact]
    public void Unconfirmed_values_are_flagged_in_the_provenance()
    {
        var provenance = new Provenance();
        NeighbourSchemes.Evaluate(Turbine, 750, new PermitBasis(new DateOnly(2025, 1, 1), false, "given"), Book, provenance);
        var flagged = Assert.Single(provenance.Unconfirmed);
        Assert.Equal("kPerHousehold", flagged.Key);
        Assert.Contains(provenance.RuleSets, r => r.Id == "ve-bonus" && r.Version == "2024-07-01");
    }

    [Theory]
    [InlineData(200, true, true, 0.0)]
    [InlineData(200.5, false, false, 4000.0)]
    public void Solar_parks_count_200_m_from_their_area(double distance, bool salesOption, bool veBonus, double fee)
    {
        var solar = Turbine with { Kind = PlantKind.SolarPark, HubHeightM = null, RotorDiameterM = null };
        var f = At(distance, solar);
        Assert.Equal(salesOption, f[Schemes.SalesOption].Applies);
        Assert.Equal(veBonus, f[Schemes.VeBonus].Applies);
        Assert.Equal(fee, f[Schemes.LossOfValue].AmountDkk);
        Assert.False(f.ContainsKey(Schemes.MinimumDistance)); // no national solar minimum
    }

    [Fact]
    public void Unknown_permit_and_connection_dates_cannot_be_judged()
    {
        var findings = NeighbourSchemes.Evaluate(Turbine, 750, new PermitBasis(null, true, "neither permit nor connection date is known"), Book, new Provenance());
        Assert.All(findings, f => Assert.False(f.Applies));
        Assert.All(findings, f => Assert.StartsWith("cannot be determined", f.Reason));
    }

    [Fact]
    public void Registered_turbines_use_the_connection_date_as_the_latest_permit_date()
    {
        var registered = Turbine with { Status = PlantStatus.Operating, PermitDate = null, ConnectedOn = new DateOnly(2013, 12, 23) };
        var basis = PermitBasis.For(registered, new DateOnly(2026, 11, 26));
        Assert.Equal(new DateOnly(2013, 12, 23), basis.Date);
        Assert.True(basis.IsAssumed);
        var planned = PermitBasis.For(Turbine with { PermitDate = null }, new DateOnly(2026, 11, 26));
        Assert.Equal(new DateOnly(2026, 11, 26), planned.Date);
    }
}
