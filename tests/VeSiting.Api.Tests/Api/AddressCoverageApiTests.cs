using System.Globalization;
using System.Text.Json;
using VeSiting.Api.Endpoints;
using VeSiting.Core.Spatial;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// HTTP answers say when the loaded address data (the built-in 1,326-address sample, no dwelling units) does not cover
/// a municipality, and which household basis they rest on: never a silent zero.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AddressCoverageApiTests(ApiFactory factory)
{
    private const string ThistedStatement = "the address data holds 0 addresses in 0787 Thisted, where its population (42,989) implies about 20,183 dwellings: "
        + "counts of addresses and households there are not real; load the national file with `vesiting data add dar-addresses ...` or OpenStreetMap's Denmark with `vesiting data add osm denmark-latest.osm.pbf`";

    [Fact]
    public async Task Classifying_thisted_answers_no_rows_and_says_why_in_its_headers()
    {
        var response = await factory.CreateClient().GetAsync("/api/classify?municipality=787");

        response.EnsureSuccessStatusCode();
        Assert.Equal("id,e,n,nearest_plant,distance_m,multiple_of_h,ring", (await response.Content.ReadAsStringAsync()).TrimEnd());
        // FOLK1A 2024: 42,989 persons in Thisted; / 2.13 persons per dwelling = 20,182.6. Headers are ASCII: "…" becomes "...".
        Assert.Equal(ThistedStatement, Assert.Single(response.Headers.GetValues(ClassifyEndpoints.CoverageHeader)));
        Assert.Equal("no addresses, so no households", Assert.Single(response.Headers.GetValues(ClassifyEndpoints.HouseholdsHeader)));
    }

    [Fact]
    public async Task Classifying_kalundborg_says_the_sample_is_thin_there_and_counts_one_household_per_address()
    {
        var response = await factory.CreateClient().GetAsync("/api/classify?municipality=326");

        // The DAR sample holds 78 addresses with municipality code 0326 (Kalundborg) and no unit addresses.
        Assert.StartsWith("the address data holds 78 addresses in 0326 Kalundborg", Assert.Single(response.Headers.GetValues(ClassifyEndpoints.CoverageHeader)));
        Assert.Equal("one household per access address: the address data gives no dwelling units, so 78 access address(es) count as 78 household(s)",
            Assert.Single(response.Headers.GetValues(ClassifyEndpoints.HouseholdsHeader)));
    }

    [Fact]
    public async Task A_municipality_report_for_thisted_carries_the_coverage_and_the_household_basis()
    {
        using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/assess/municipality/787"));
        var root = json.RootElement;
        var coverage = root.GetProperty("addressCoverage");

        Assert.Equal(0, root.GetProperty("addresses").GetInt32());
        Assert.Equal(("0787", 0, false), (coverage.GetProperty("municipalityCode").GetString(), coverage.GetProperty("addresses").GetInt32(), coverage.GetProperty("covered").GetBoolean()));
        Assert.Equal(20_183, coverage.GetProperty("expectedDwellings").GetDouble());
        Assert.Equal(ThistedStatement.Replace("...", "…", StringComparison.Ordinal), coverage.GetProperty("statement").GetString());
        Assert.Equal("no addresses, so no households", root.GetProperty("householdBasis").GetString());
    }

    [Fact]
    public async Task A_project_in_thisted_carries_the_coverage_of_its_municipality()
    {
        // E 475000 N 6315000 lies in Thisted (DAGI), which holds no sample addresses.
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(475000, 6315000);
        var body = string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"FeatureCollection","permit_date":"2026-06-01","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]}}]}""");
        var response = await factory.CreateClient().PostAsync("/api/assess/project", new StringContent(body, System.Text.Encoding.UTF8, "application/geo+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);

        var coverage = Assert.Single(json.RootElement.GetProperty("addressCoverage").EnumerateArray());
        Assert.Equal(("0787", false), (coverage.GetProperty("municipalityCode").GetString(), coverage.GetProperty("covered").GetBoolean()));
        Assert.Equal("no addresses, so no households", json.RootElement.GetProperty("householdBasis").GetString());
    }
}
