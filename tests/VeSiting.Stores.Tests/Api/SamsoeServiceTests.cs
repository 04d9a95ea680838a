using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Conformance;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// Samsø end to end through the HTTP service, on each store: the built-in OpenStreetMap extract gives municipality 0741
/// its real homes next to its real turbines. Every expected figure comes from
/// tests/VeSiting.Data.Tests/Independent/osm_samsoe.py (the extract read with the Python standard library, positions by
/// pyproj, the municipality by ray casting in the DAGI polygon, the register read with zipfile + XML):
/// 4,583 of the 4,596 addresses lie inside 0741's polygon; the five Brundby turbines (one project, H = 50 + 54/2 = 77 m)
/// have 3, 9 and 15 homes within 4, 6 and 8 × H; three planned 4.2 MW turbines (hub 95 m, rotor 110 m, H = 150 m) at the
/// middle turbine of each group of the eleven 1 MW turbines have 11, 40 and 244 homes within 600, 900 and 1,200 m. Homes
/// leave out the 11 address points within turbineOwnAddressRadius (10 m, the data-reading rule set) of an existing
/// turbine: the turbines' own addresses (with them the counts would be 8, 14, 20 and 19, 50, 254).
/// </summary>
public abstract class SamsoeServiceTests
{
    protected abstract WebApplicationFactory<ServiceData> Service();

    /// <summary>A client that waits for the first answer as long as the service takes to load the data on a busy machine.</summary>
    private static HttpClient Client(WebApplicationFactory<ServiceData> service)
    {
        var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        return client;
    }

    // The planned repowering: one turbine at each group's middle turbine (lon/lat of the OSM nodes 1199989714,
    // 1226518690 and 1645491041), replacing the eleven 1 MW turbines.
    private const string Repowering = """
        {"type":"FeatureCollection","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"R1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[10.6159461,55.8015249]}},
         {"type":"Feature","properties":{"id":"R2","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[10.5374794,55.8433245]}},
         {"type":"Feature","properties":{"id":"R3","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[10.5789908,55.7978324]}}]}
        """;

    [Fact]
    public async Task Municipality_0741_answers_with_its_real_homes_from_openstreetmap()
    {
        using var service = Service();
        using var answer = JsonDocument.Parse(await Client(service).GetStringAsync("/api/assess/municipality/741"));
        var coverage = answer.RootElement.GetProperty("addressCoverage");
        Assert.Equal(4583, coverage.GetProperty("addresses").GetInt32());
        Assert.True(coverage.GetProperty("covered").GetBoolean());
        Assert.Equal(["osm"], coverage.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("the addresses in 0741 Samsø come from osm", coverage.GetProperty("sourceStatement").GetString());
        Assert.Equal("one household per access address: the address data gives no dwelling units, so 4,583 access address(es) count as 4,583 household(s)",
            answer.RootElement.GetProperty("householdBasis").GetString());
        Assert.Contains("© OpenStreetMap contributors", answer.RootElement.GetProperty("attribution").EnumerateArray().Select(a => a.GetString()));
        // The tiles that draw the homes say it too (TileJSON attribution).
        using var tileJson = JsonDocument.Parse(await Client(service).GetStringAsync("/tiles/dwellings.json"));
        Assert.Contains("© OpenStreetMap contributors", tileJson.RootElement.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task The_homes_within_the_rings_of_the_brundby_turbines_are_real_addresses()
    {
        using var service = Service();
        using var answer = JsonDocument.Parse(await Client(service).GetStringAsync("/api/assess/plant/570715000000021770"));
        Assert.Equal(5, answer.RootElement.GetProperty("plants").GetArrayLength());
        var distances = answer.RootElement.GetProperty("dwellings").EnumerateArray().Select(d => d.GetProperty("distanceM").GetDouble()).ToList();
        Assert.Equal([3, 9, 15], new[] { 4, 6, 8 }.Select(k => distances.Count(d => d <= k * 77.0)));
    }

    [Fact]
    public async Task A_planned_repowering_is_assessed_on_the_islands_homes()
    {
        using var service = Service();
        var response = await Client(service).PostAsync("/api/assess/project", new StringContent(Repowering, Encoding.UTF8, "application/geo+json"));
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var distances = answer.RootElement.GetProperty("dwellings").EnumerateArray().Select(d => d.GetProperty("distanceM").GetDouble()).ToList();
        Assert.Equal([11, 40, 244], new[] { 600.0, 900.0, 1200.0 }.Select(r => distances.Count(d => d <= r)));
        var coverage = Assert.Single(answer.RootElement.GetProperty("addressCoverage").EnumerateArray());
        Assert.Equal(("0741", true), (coverage.GetProperty("municipalityCode").GetString(), coverage.GetProperty("covered").GetBoolean()));
    }
}

/// <summary>Samsø on the embedded store.</summary>
public sealed class SamsoeOnEmbeddedTests : SamsoeServiceTests
{
    protected override WebApplicationFactory<ServiceData> Service() =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026"));
}

/// <summary>Samsø on PostGIS (the built-in data imported by binary COPY).</summary>
public sealed class SamsoeOnPostGisTests(PostGisStores stores) : SamsoeServiceTests, IClassFixture<PostGisStores>
{
    protected override WebApplicationFactory<ServiceData> Service() =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            b.UseSetting("VeSiting:Database", stores.ConnectionStrings[1]);
        });
}
