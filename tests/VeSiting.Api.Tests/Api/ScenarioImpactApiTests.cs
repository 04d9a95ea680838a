using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ScenarioImpactApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Two_scenarios_side_by_side_add_up_and_say_what_is_proposal_and_estimate()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/scenarios/banded-distance/impact?area=municipality:0326&also=capacity-weighted"));
        var root = json.RootElement;
        Assert.False(root.GetProperty("synthetic").GetBoolean());
        Assert.Equal("proposal", root.GetProperty("status").GetProperty("discounts").GetString());
        Assert.Equal("estimate", root.GetProperty("status").GetProperty("dkk").GetString());
        var kwh = root.GetProperty("householdAnnualKwh").GetDouble();
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["banded-distance", "capacity-weighted"], scenarios.Select(s => s.GetProperty("id").GetString()));
        foreach (var s in scenarios)
        {
            var zones = s.GetProperty("zones").EnumerateArray().ToList();
            var municipality = Assert.Single(s.GetProperty("municipalities").EnumerateArray());
            // The 78 Kalundborg addresses of the DAR sample, each zone's households adding up to the municipality's.
            Assert.Equal(municipality.GetProperty("households").GetInt64(), zones.Sum(z => z.GetProperty("households").GetInt64()));
            Assert.True(municipality.GetProperty("households").GetInt64() >= 78);
            Assert.False(string.IsNullOrEmpty(municipality.GetProperty("householdBasis").GetString()));
            foreach (var z in zones)
            {
                // Per household: the discount per kWh × the profile's kWh, with 25 % VAT (the 2026 stack).
                Assert.Equal(z.GetProperty("discountOrePerKwh").GetDouble() * kwh / 100 * 1.25, z.GetProperty("discountPerHouseholdDkk").GetDouble(), 1);
                Assert.Equal(z.GetProperty("discountPerHouseholdDkk").GetDouble() * z.GetProperty("households").GetInt64(), z.GetProperty("discountDkkPerYear").GetDouble(), 0);
            }
            var pays = s.GetProperty("whoPays");
            var outsideKwh = zones.Single(z => z.GetProperty("zone").ValueKind == JsonValueKind.Null).GetProperty("householdKwh").GetDouble();
            if (outsideKwh > 0)
                Assert.Equal(pays.GetProperty("revenueTakenDkkPerYear").GetDouble() * 100 / outsideKwh, pays.GetProperty("upliftOrePerKwh").GetDouble(), 3);
        }
    }

    [Fact]
    public async Task Synthetic_dwellings_are_labelled_synthetic()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/scenarios/banded-distance/impact?area=municipality:0741&synthetic=true"));
        var root = json.RootElement;
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        var municipality = Assert.Single(root.GetProperty("scenarios")[0].GetProperty("municipalities").EnumerateArray());
        Assert.StartsWith("synthetic", municipality.GetProperty("householdBasis").GetString());
        Assert.True(municipality.GetProperty("synthetic").GetBoolean());
    }

    [Theory]
    [InlineData("/api/scenarios/unicorn/impact", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/scenarios/banded-distance/impact?also=unicorn", HttpStatusCode.BadRequest, "also")]
    [InlineData("/api/scenarios/banded-distance/impact?area=atlantis", HttpStatusCode.BadRequest, "area")]
    [InlineData("/api/scenarios/banded-distance/impact?area=municipality:999", HttpStatusCode.NotFound, "area")]
    [InlineData("/api/scenarios/banded-distance/impact?synthetic=maybe", HttpStatusCode.BadRequest, "synthetic")]
    public async Task Bad_impact_requests_are_problems(string url, HttpStatusCode status, string field) =>
        await Problems.AssertProblemAsync(await _client.GetAsync(url), status, field);
}
