using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting assess …</c> on the real data with the shipped rules (2026 prices, today fixed for reproducibility).</summary>
public sealed class AssessCommandTests : IDisposable
{
    private static readonly string[] Fixed = ["--year", "2026", "--today", "2026-11-26"];
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-assess-").FullName;

    private static JsonElement Section(JsonDocument json, string name) => json.RootElement.GetProperty("sections").GetProperty(name);

    [Fact]
    public async Task A_household_in_Copenhagen_gets_its_zone_price_and_the_reason()
    {
        var run = await CliRun.Of(["assess", "site", "--address", "Eliasgade 10, 2300", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("0101 København", summary.GetProperty("municipality").GetString());
        Assert.Equal(0, summary.GetProperty("ve_bonus_dkk_per_year").GetDouble());

        var tariffs = Section(json, "tariffs").GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("scenario").GetString()!);
        var banded = tariffs["banded-distance"];
        // Nearest covered plant 1,459 m away → zone A. Prices worked out by hand in TariffTests: 1.424825 and 1.0455375 DKK/kWh.
        Assert.Equal("A", banded.GetProperty("zone").GetString());
        Assert.Equal(1.4248, banded.GetProperty("price_without_dkk_kwh").GetDouble(), 0.0001);
        Assert.Equal(1.0455, banded.GetProperty("price_with_dkk_kwh").GetDouble(), 0.0001);
        Assert.Equal(1517, banded.GetProperty("saving_dkk_yr").GetDouble(), 1);
        Assert.Contains("571313161170169709 at 1,459.35 m", banded.GetProperty("why").GetString());

        // The connection dates (2013) put these turbines before the VE-bonus: the answer says so and why.
        var bonus = json.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("scheme").GetString() == "ve-bonus");
        Assert.False(bonus.GetProperty("applies").GetBoolean());
        Assert.Contains("applies to permits from 2020-06-01", bonus.GetProperty("why").GetString());
        Assert.Contains(summary.GetProperty("rule_sets_used").EnumerateArray(), r => r.GetString()!.StartsWith("banded-distance@1"));
        Assert.Contains(summary.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("connected on 2013-12-23, so the permit was dated no later than 2013-12-23"));
        Assert.Contains(json.RootElement.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("Energistyrelsen"));
    }

    [Fact]
    public async Task A_firm_gives_its_consumption_and_time_of_use()
    {
        var run = await CliRun.Of(["assess", "site", "--utm", "727557.90 6174832.99", "--kwh", "1200000", "--tou", "0.6,0.3,0.1", "--scenario", "banded-distance", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var tariff = Assert.Single(Section(json, "tariffs").GetProperty("items").EnumerateArray());
        // DSO 20.7842521 øre (TariffTests) + 60 + 5 + 12.5 + 0.8 = 99.0842521 øre ex VAT → 1.23855315 DKK/kWh; × 1.2 GWh = 1,486,263.78,
        // plus the 252 DKK grid subscription × 1.25 VAT = 315 → 1,486,578.78 DKK.
        Assert.Equal(1.2386, tariff.GetProperty("price_without_dkk_kwh").GetDouble(), 0.0001);
        Assert.Equal(1_486_579, tariff.GetProperty("bill_without_dkk_yr").GetDouble(), 1);
        Assert.Equal("proposal", tariff.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_VAT_registered_firm_with_process_use_pays_no_VAT_and_gets_the_refund()
    {
        var run = await CliRun.Of(["assess", "site", "--utm", "727557.90 6174832.99", "--kwh", "1200000", "--tou", "0.6,0.3,0.1", "--scenario", "banded-distance",
            "--customer", "firm", "--process-refund", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var tariff = Assert.Single(Section(json, "tariffs").GetProperty("items").EnumerateArray());
        // 99.0842521 − 0.4 refund = 98.6842521 øre, no VAT → 0.986842521 DKK/kWh; × 1.2 GWh = 1,184,211.03 + 252 = 1,184,463.03 DKK.
        Assert.Equal(0.9868, tariff.GetProperty("price_without_dkk_kwh").GetDouble(), 0.0001);
        Assert.Equal(1_184_463, tariff.GetProperty("bill_without_dkk_yr").GetDouble(), 1);
        Assert.Contains("VAT (25 %) excluded", tariff.GetProperty("why").GetString());
        Assert.StartsWith("firm: VAT excluded", json.RootElement.GetProperty("summary").GetProperty("customer").GetString());
        var refund = Section(json, "price_components").GetProperty("items").EnumerateArray().Single(c => c.GetProperty("component").GetString()!.StartsWith("elafgift refund"));
        Assert.Equal(-0.4, refund.GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal("https://info.skat.dk/data.aspx?oid=2062274", refund.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Year_2027_uses_the_2026_prices_and_says_so()
    {
        var run = await CliRun.Of(["assess", "site", "--address", "Eliasgade 10, 2300", "--format", "json", "--year", "2027", "--today", "2026-11-26"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains("2026 prices carried forward to 2027", json.RootElement.GetProperty("summary").GetProperty("price_stack").GetString());
    }

    [Fact]
    public async Task A_planned_layout_from_geojson_lists_every_affected_dwelling()
    {
        var layout = Path.Combine(_folder, "hong.geojson");
        await File.WriteAllTextAsync(layout, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"permit_date":"2026-06-01","features":[
             {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[638500,6150500]}},
             {"type":"Feature","properties":{"id":"T2","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[638900,6150300]}},
             {"type":"Feature","properties":{"id":"T3","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[638300,6149600]}}]}
            """);
        var run = await CliRun.Of(["assess", "project", "--file", layout, "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("permit date 2026-06-01", summary.GetProperty("permit").GetString());
        Assert.Equal("4 × H = 600 m, 6 × H = 900 m, 8 × H = 1200 m", summary.GetProperty("rings").GetString());
        Assert.Equal(3_943_800, summary.GetProperty("green_pool_dkk").GetDouble());
        Assert.NotEqual("none", summary.GetProperty("dwellings_closer_than_the_minimum_distance").GetString());

        var geojson = await CliRun.Of(["assess", "project", "--file", layout, "--format", "geojson", .. Fixed]);
        using var features = JsonDocument.Parse(geojson.Output);
        Assert.Equal(json.RootElement.GetProperty("items").GetArrayLength(), features.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task A_turbine_on_the_command_line_gives_journey_1s_answer()
    {
        var run = await CliRun.Of(["assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2026-06-01", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        // 26 addresses within 900 m and 42 within 1,200 m (Python on the DAR CSV); none within 600 m.
        Assert.Equal(26, summary.GetProperty("households_with_the_sales_option").GetInt32());
        Assert.Equal(42, summary.GetProperty("households_with_the_ve_bonus").GetInt32());
        Assert.Equal("none", summary.GetProperty("dwellings_closer_than_the_minimum_distance").GetString());
        // 4.2 MW × 313,000 DKK/MW (rules from 1 July 2024).
        Assert.Equal(1_314_600, summary.GetProperty("green_pool_dkk").GetDouble());
        // 1.5 % of 4,200 kW = 63 kW shared by 42 households → 1.5 kW each; 1.5 / 4,200 × 12,600,000 kWh × 0.60 DKK/kWh = 2,700 DKK.
        Assert.Equal(2700, summary.GetProperty("ve_bonus_per_household_dkk_yr").GetDouble());
        Assert.Equal(113_400, summary.GetProperty("ve_bonus_total_dkk_yr").GetDouble());
    }

    [Fact]
    public async Task An_existing_turbine_from_1997_predates_the_VE_bonus()
    {
        var run = await CliRun.Of(["assess", "plant", "--gsrn", "570715000000045608", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Contains("connected on 1997-07-17, so the permit was dated no later than 1997-07-17", summary.GetProperty("permit").GetString());
        Assert.Equal(0, summary.GetProperty("green_pool_dkk").GetDouble());
    }

    [Fact]
    public async Task A_municipality_gets_its_totals_and_zone_coverage()
    {
        var run = await CliRun.Of(["assess", "municipality", "--code", "461", "--format", "json", .. Fixed]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var addresses = json.RootElement.GetProperty("summary").GetProperty("addresses").GetInt32();
        Assert.True(addresses >= 455, $"{addresses} addresses in Odense (the DAR sample has 460 with code 0461)");
        var zones = Section(json, "tariff_zone_coverage").GetProperty("items").EnumerateArray()
            .Where(z => z.GetProperty("scenario").GetString() == "banded-distance").ToList();
        Assert.Equal(addresses, zones.Sum(z => z.GetProperty("addresses").GetInt32()));
        Assert.Equal(1.0, zones.Sum(z => z.GetProperty("share").GetDouble()), 0.001);
    }

    [Theory]
    [InlineData(ExitCodes.NotFound, "assess", "plant", "--gsrn", "000000000000000000")]
    [InlineData(ExitCodes.NotFound, "assess", "municipality", "--code", "999")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--utm", "1 2")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--lat", "48.85", "--lon", "2.35")]
    [InlineData(ExitCodes.Usage, "assess", "project", "--turbine", "638500 6150500", "--hub", "-95", "--rotor", "110", "--capacity-kw", "4200")]
    [InlineData(ExitCodes.Usage, "assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2005-01-01")]
    [InlineData(ExitCodes.Usage, "assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "June")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--year", "1999")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--scenario", "free-power")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--tou", "1,2")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--kwh", "-5")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--year", "2023")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--customer", "bank")]
    [InlineData(ExitCodes.Usage, "assess", "site", "--address", "Eliasgade 10", "--process-refund")]
    public async Task Bad_input_is_a_clear_error_not_a_zero(int exitCode, params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal("", run.Output);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task A_permit_date_before_every_rule_period_names_the_dates()
    {
        var run = await CliRun.Of("assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2005-01-01");
        Assert.Contains("Permit date 2005-01-01 is before every rule period", run.Error);
        Assert.Contains("2009-01-01", run.Error);
    }

    [Fact]
    public async Task A_layout_with_a_negative_height_names_the_feature_and_property()
    {
        var layout = Path.Combine(_folder, "bad.geojson");
        await File.WriteAllTextAsync(layout, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.1916,55.4810]}},
             {"type":"Feature","properties":{"hub_height_m":-95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.1950,55.4810]}}]}
            """);
        var run = await CliRun.Of("assess", "project", "--file", layout);
        // A bad layout is a usage error naming the option, the property and the feature, as the service names them.
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error: --file: hub_height_m: feature 2: -95 is not within above 0 to 300", run.Error);
    }

    [Fact]
    public async Task A_broken_user_rule_file_names_file_path_and_reason()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        await File.WriteAllTextAsync(Path.Combine(rules, "local.json"), """{"id":"x","version":"1","scheme":"sales-option","title":"t","permitPeriod":{"from":"2030-01-01"},"values":{}}""");
        var run = await CliRun.Of("assess", "site", "--address", "Eliasgade 10, 2300", "--rules", rules);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("local.json: $.values: Required properties", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
