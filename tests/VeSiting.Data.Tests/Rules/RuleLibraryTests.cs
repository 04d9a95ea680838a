using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Rules;

/// <summary>The shipped rule data (geodata/rules, geodata/tariffs) against the reference's published numbers, and broken files.</summary>
public sealed class RuleLibraryTests : IDisposable
{
    private static readonly string Geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
    private readonly TempDirectory _user = new();

    [Fact]
    public void The_shipped_library_loads_and_every_value_names_its_source()
    {
        var library = RuleLibrary.Load(Geodata);
        Assert.Equal(Schemes.All.Order(), library.Rules.All.Select(r => r.Scheme).Distinct().Order());
        Assert.Equal([2024, 2025, 2026], library.PriceStacks.Keys.Order());
        Assert.Equal(["banded-distance", "capacity-weighted", "new-plants-banded", "new-plants-weighted"], library.Scenarios.Keys.Order());
        Assert.Equal(4000, library.Profile("household").AnnualKwh);
        Assert.All(library.Rules.All.SelectMany(r => r.Values.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
    }

    [Fact]
    public void The_shipped_rules_reproduce_the_published_worked_examples()
    {
        var book = RuleLibrary.Load(Geodata).Rules;
        var p = new Provenance();
        // 6.5 kW (permits from 2021), 4.2 MW, 12 GWh, 0.25 DKK/kWh → 4,643 DKK.
        var k = p.Use(book.Find(Schemes.VeBonus, new DateOnly(2022, 1, 1))!, "kPerHousehold").Value;
        Assert.Equal(4643, Math.Round(VeBonus.PerHousehold(k, 4200, 12_000_000, 0.25)));
        // 10 MW → 150 kW cap.
        var share = p.Use(book.Find(Schemes.VeBonus, new DateOnly(2022, 1, 1))!, "capShareOfCapacity").Value;
        Assert.Equal(150, new BonusCap(10_000, share, k, 30).CapKw, 1e-9);
        // 2.3 MW onshore under grøn ordning → 202,400 DKK; 30 MW solar from 1 July 2024 → 3.75 mio DKK.
        var onshore = PlannedPlants.Turbine("t", 600000, 6200000, 80, 93);
        var solar = onshore with { Kind = PlantKind.SolarPark };
        Assert.Equal(202_400, GreenPool.For(onshore, 2.3, new DateOnly(2012, 1, 1), book, p).Amount!.Dkk, 1e-6);
        Assert.Equal(3_750_000, GreenPool.For(solar, 30, new DateOnly(2024, 7, 1), book, p).Amount!.Dkk, 1e-6);
    }

    [Fact]
    public void Unconfirmed_values_are_flagged_in_the_data()
    {
        var book = RuleLibrary.Load(Geodata).Rules;
        Assert.Equal(Confidence.Unconfirmed, book.Find(Schemes.VeBonus, new DateOnly(2025, 1, 1))!["kPerHousehold"].Confidence);
        Assert.Equal(9.75, book.Find(Schemes.VeBonus, new DateOnly(2025, 1, 1))!["kPerHousehold"].Value);
        Assert.Equal(Confidence.Unconfirmed, book.Find(Schemes.GreenPool, new DateOnly(2022, 1, 1))!["solar"].Confidence);
        Assert.Equal(Confidence.Confirmed, book.Find(Schemes.VeBonus, new DateOnly(2022, 1, 1))!["kPerHousehold"].Confidence);
    }

    [Fact]
    public void The_2026_price_stack_has_the_EU_minimum_elafgift()
    {
        var stack = RuleLibrary.Load(Geodata).PriceStack(2026);
        Assert.Equal(0.8, stack.Elafgift.OrePerKwh);
        Assert.Equal(76.1, RuleLibrary.Load(Geodata).PriceStack(2024).Elafgift.OrePerKwh);
        Assert.Equal(0.25, stack.VatRate);
    }

    [Fact]
    public void Every_shipped_price_component_names_its_source_address_and_read_date()
    {
        foreach (var stack in RuleLibrary.Load(Geodata).PriceStacks.Values)
        {
            FlatComponent[] flat = [stack.Spot, stack.SupplierMargin, stack.EnerginetTariffs, stack.Elafgift];
            Assert.All(flat, c => Assert.True(c.Url?.StartsWith("https://") == true && c.Read is not null, $"{stack.Id}: {c.Source}"));
            Assert.True(stack.DsoTariff.Url is not null && stack.DsoTariff.Read is not null, stack.Id);
            Assert.All(stack.FixedCharges, c => Assert.True(c.Url is not null && c.Read is not null, $"{stack.Id}: {c.Id}"));
            Assert.True(stack.ProcessRefund is { Url: not null, Read: not null }, stack.Id);
        }
    }

    [Fact]
    public void The_2026_stack_bills_the_grid_subscription_and_states_the_process_refund()
    {
        var stack = RuleLibrary.Load(Geodata).PriceStack(2026);
        var subscription = Assert.Single(stack.FixedCharges);
        Assert.Equal("dsoSubscription", subscription.Id);
        Assert.Equal(12 * 21.00, subscription.DkkPerYear); // 21.00 DKK/month before VAT (radiuselnet.dk)
        Assert.Equal(Confidence.Unconfirmed, subscription.Confidence); // another DSO's 2021 figure standing in for N1's
        // Elafgift 0.8 øre/kWh less the 0.4 øre/kWh that is not refunded (skat.dk).
        Assert.Equal(0.8 - 0.4, stack.ProcessRefund!.OrePerKwh, 1e-12);
        Assert.Contains("elafgiftsloven § 11", stack.ProcessRefund.LegalBasis);
        Assert.Equal(76.1 - 0.4, RuleLibrary.Load(Geodata).PriceStack(2024).ProcessRefund!.OrePerKwh, 1e-12);
    }

    [Fact]
    public void A_year_after_the_last_stack_carries_it_forward_and_one_before_the_first_has_none()
    {
        var library = RuleLibrary.Load(Geodata);
        var stack = library.PriceStack(2027);
        Assert.Equal("dk-household-2026", stack.Id);
        Assert.StartsWith("2026 prices carried forward to 2027", stack.CarriedForwardNote);
        var e = Assert.Throws<KeyNotFoundException>(() => library.PriceStack(2023));
        Assert.Contains("the earliest is 2024", e.Message);
    }

    [Fact]
    public void A_price_stack_without_a_source_address_is_refused()
    {
        var file = _user.Write("tariffs/2030.json", """
            {"id":"x-2030","version":"1","year":2030,"title":"t","vatRate":0.25,"components":{
             "spot":{"orePerKwh":60,"source":"s","read":"2026-11-29","confidence":"unconfirmed"},
             "supplierMargin":{"orePerKwh":5,"source":"s","url":"https://elpris.dk","read":"2026-11-29","confidence":"unconfirmed"},
             "dsoTariff":{"summer":{"low":1,"high":2,"peak":3},"winter":{"low":1,"high":2,"peak":3},"source":"s","url":"https://n1.dk","read":"2026-11-29","confidence":"unconfirmed"},
             "energinetTariffs":{"orePerKwh":12.5,"source":"s","url":"https://energinet.dk","read":"2026-11-29","confidence":"unconfirmed"},
             "elafgift":{"orePerKwh":0.8,"source":"s","url":"https://skm.dk","read":"2026-11-29","confidence":"confirmed"}}}
            """);
        var e = Assert.Throws<RuleFileException>(() => RuleLibrary.Load(Geodata, [_user.Path]));
        Assert.Equal(file, e.File);
        Assert.StartsWith("$.components.spot", e.JsonPath);
        Assert.Contains("url", e.Message);
    }

    [Fact]
    public void A_profile_can_be_a_VAT_registered_firm_using_power_for_processes()
    {
        _user.Write("tariffs/greenhouse.json", """
            {"id":"greenhouse","title":"greenhouse, 1.2 GWh","annualKwh":1200000,"source":"s","customer":"firm","processRefund":true,
             "shares":{"summer":{"low":0.3,"high":0.15,"peak":0.05},"winter":{"low":0.3,"high":0.15,"peak":0.05}}}
            """);
        var profile = RuleLibrary.Load(Geodata, [_user.Path]).Profile("greenhouse");
        Assert.Equal(Customer.Firm, profile.Customer);
        Assert.True(profile.ProcessRefund);
        Assert.Equal(Customer.Household, RuleLibrary.Load(Geodata).Profile("household").Customer);
    }

    [Fact]
    public void A_household_profile_claiming_the_process_refund_is_refused()
    {
        var file = _user.Write("tariffs/bad-profile.json", """
            {"id":"home","title":"home","annualKwh":4000,"source":"s","processRefund":true,
             "shares":{"summer":{"low":0.3,"high":0.15,"peak":0.05},"winter":{"low":0.3,"high":0.15,"peak":0.05}}}
            """);
        var e = Assert.Throws<RuleFileException>(() => RuleLibrary.Load(Geodata, [_user.Path]));
        Assert.Equal(file, e.File);
        Assert.Equal("$.processRefund", e.JsonPath);
    }

    [Fact]
    public void A_users_folder_adds_a_local_rule_set_without_code_changes()
    {
        _user.Write("rules/local-solar.json", """
            {"id":"kalundborg-solar","version":"2025.1","scheme":"minimum-distance","title":"Kalundborg: 100 m from solar to homes",
             "permitPeriod":{"from":"2025-01-01","to":null},
             "values":{"windMultipleOfH":{"value":4,"unit":"H","source":"planning order","confidence":"confirmed"},
                       "solarMinDistance":{"value":100,"unit":"m","source":"Kalundborg Kommune, local guideline","confidence":"reported"}}}
            """);
        var book = RuleLibrary.Load(Geodata, [_user.Path]).Rules;
        Assert.Equal("kalundborg-solar", book.Find(Schemes.MinimumDistance, new DateOnly(2025, 6, 1))!.Id);
        Assert.Equal("minimum-distance", book.Find(Schemes.MinimumDistance, new DateOnly(2024, 6, 1))!.Id);
    }

    [Theory]
    [InlineData("""{"id":"x","version":"1","scheme":"ve-bonus","title":"t","permitPeriod":{"from":"2030-01-01"},"values":{"windMultipleOfH":{"value":"eight","unit":"H","source":"s","confidence":"confirmed"},"solarMaxDistance":{"value":200,"unit":"m","source":"s","confidence":"confirmed"},"kPerHousehold":{"value":5,"unit":"kW","source":"s","confidence":"confirmed"},"capShareOfCapacity":{"value":0.015,"unit":"share","source":"s","confidence":"confirmed"}}}""",
        "$.values.windMultipleOfH.value", "number")]
    [InlineData("""{"id":"x","version":"1","scheme":"ve-bonus","title":"t","permitPeriod":{"from":"2030-01-01"},"values":{"solarMaxDistance":{"value":200,"unit":"m","source":"s","confidence":"confirmed"},"kPerHousehold":{"value":5,"unit":"kW","source":"s","confidence":"confirmed"},"capShareOfCapacity":{"value":0.015,"unit":"share","source":"s","confidence":"confirmed"}}}""",
        "$.values", "windMultipleOfH")]
    [InlineData("""{"id":"x","version":"1","scheme":"ve-bonus","title":"t","permitPeriod":{"from":"1 June 2030"},"values":{}}""",
        "$.permitPeriod.from", "date")]
    [InlineData("""{"id":"x","version":"1","scheme":"green-pool","title":"t","permitPeriod":{"from":"2030-01-01"},"values":{"windy":{"value":1,"unit":"DKK/MW","source":"s","confidence":"confirmed"}}}""",
        "$.values", "windy")]
    [InlineData("""{"id":"x","version":"1","scheme":"green-pool","title":"t","permitPeriod":{"from":"2030-01-01"},"values":{"solar":{"value":-5,"unit":"DKK/MW","source":"s","confidence":"maybe"}}}""",
        "$.values.solar", "")]
    [InlineData("""{"id":"s","version":"1","title":"t","basis":"distance","coveredPlants":{"kinds":["WindTurbine"]},"zones":[{"id":"A","label":"a","discounts":{"dsoTariff":1.5}}]}""",
        "$.zones[0]", "")]
    [InlineData("""{"id":"p","title":"t","annualKwh":4000,"source":"s","shares":{"summer":{"low":0.5,"high":0.5,"peak":0.5},"winter":{"low":0,"high":0,"peak":0}}}""",
        "$.shares", "sum to 1.5")]
    [InlineData("""{"scheme": "ve-bonus", """, "$", "not valid JSON at line 1, column")]
    [InlineData("""{"hello":"world"}""", "$", "not a rule set")]
    public void A_bad_file_is_a_clear_error_naming_file_path_and_reason(string json, string path, string reason)
    {
        var file = _user.Write("rules/bad.json", json);
        var e = Assert.Throws<RuleFileException>(() => RuleLibrary.Load(Geodata, [_user.Path]));
        Assert.Equal(file, e.File);
        Assert.StartsWith(path, e.JsonPath);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Two_user_rule_sets_covering_the_same_permits_are_refused()
    {
        const string set = """{"id":"gp","version":"VERSION","scheme":"green-pool","title":"t","permitPeriod":{"from":"FROM","to":null},"values":{"solar":{"value":1,"unit":"DKK/MW","source":"s","confidence":"confirmed"}}}""";
        _user.Write("rules/a.json", set.Replace("VERSION", "a").Replace("FROM", "2030-01-01"));
        _user.Write("rules/b.json", set.Replace("VERSION", "b").Replace("FROM", "2031-01-01"));
        var e = Assert.Throws<RuleFileException>(() => RuleLibrary.Load(Geodata, [_user.Path]));
        Assert.Contains("both cover permits", e.Message);
    }

    [Fact]
    public void A_missing_user_folder_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => RuleLibrary.Load(Geodata, ["/no/such/rules"]));
    }

    public void Dispose() => _user.Dispose();
}
