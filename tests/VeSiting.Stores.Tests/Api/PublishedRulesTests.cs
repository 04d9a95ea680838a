using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Core.Spatial;
using VeSiting.Stores.Tests.Conformance;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// A rule set published over HTTP reaches every surface that draws or counts scheme rings, on both stores: the legend,
/// project answers and their exports, scheme-zone tiles and the batch classification. Published: the minimum distance
/// at 5 × H for every permit, the VE-bonus at 7 × H for permits from 1 July 2024 (the built-in rules say 4 × H and 8 × H).
/// </summary>
public sealed class PublishedRulesTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private const string Key = "published-rules-key-0123456789";

    private const string MinimumDistance = """
        {"id":"minimum-distance","version":"test-5h","scheme":"minimum-distance","title":"Minimum distance 5 × H (test)",
         "permitPeriod":{"from":"2009-01-01","to":null},
         "values":{"windMultipleOfH":{"value":5,"unit":"H","source":"test","confidence":"confirmed"}}}
        """;

    private const string VeBonus = """
        {"id":"ve-bonus","version":"test-7h","scheme":"ve-bonus","title":"VE-bonus at 7 × H (test)",
         "permitPeriod":{"from":"2024-07-01","to":null},
         "values":{"windMultipleOfH":{"value":7,"unit":"H","source":"test","confidence":"confirmed"},
                   "solarMaxDistance":{"value":200,"unit":"m","source":"test","confidence":"confirmed"},
                   "kPerHousehold":{"value":9.75,"unit":"kW","source":"test","confidence":"unconfirmed"},
                   "capShareOfCapacity":{"value":0.015,"unit":"share","source":"test","confidence":"confirmed"}}}
        """;

    /// <summary>Journey 1's turbine: hub 95 m, rotor 110 m, H = 150 m, west of Høng.</summary>
    private const string Journey1 = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[638500,6150500]}}]}
        """;

    private WebApplicationFactory<ServiceData> Service(string? database, string state) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", state)
                .UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0");
            if (database is not null)
                b.UseSetting("VeSiting:Database", database);
        });

    private static async Task PublishAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgis")]
    public async Task Every_surface_follows_a_published_rule_set(string storeKind)
    {
        var state = Directory.CreateTempSubdirectory("vesiting-published-").FullName;
        try
        {
            using var service = Service(storeKind == "postgis" ? stores.ConnectionStrings[1] : null, state);
            var client = service.CreateClient();
            await PublishAsync(client, MinimumDistance);
            await PublishAsync(client, VeBonus);

            // Legend (what the web map draws its rings and colours from).
            var legend = await client.GetFromJsonAsync<JsonElement>("/api/legend");
            var rings = legend.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "scheme-zones").GetProperty("legend")
                .EnumerateArray().Select(e => e.GetProperty("label").GetString()).ToList();
            Assert.Contains("< 5 × H: minimum distance", rings);
            Assert.Contains("5–6 × H: sales option", rings);
            Assert.Contains("6–7 × H: VE-bonus", rings);

            // A project: 7 addresses within 5 × H = 750 m, 39 within 7 × H = 1,050 m, 26 within 4–6 × H = 600–900 m
            // (Python on the DAR CSV); the cap 1.5 % × 4,200 kW = 63 kW over 39 households.
            var answer = await (await client.PostAsync("/api/assess/project", new StringContent(Journey1, Encoding.UTF8, "application/geo+json"))).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([750.0, 900.0, 1050.0], answer.GetProperty("rings").EnumerateArray().Select(r => r.GetProperty("radiusM").GetDouble()));
            Assert.Equal(7, answer.GetProperty("violations").GetInt32());
            Assert.Equal(26, answer.GetProperty("salesOptionHouseholds").GetInt32());
            Assert.Equal(39, answer.GetProperty("veBonusHouseholds").GetInt32());
            Assert.Equal(63.0 / 39, answer.GetProperty("veBonus").GetProperty("effectiveKPerHouseholdKw").GetDouble(), 9);
            Assert.Contains(answer.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray(), r => r.GetString()!.StartsWith("ve-bonus@test-7h", StringComparison.Ordinal));

            // Its GeoJSON export draws the published rings.
            var features = await (await client.PostAsync("/api/assess/project?format=geojson", new StringContent(Journey1, Encoding.UTF8, "application/geo+json"))).Content.ReadFromJsonAsync<JsonElement>();
            var labels = features.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "ring")
                .Select(f => f.GetProperty("properties").GetProperty("label").GetString()).ToList();
            Assert.Equal(["7 × H", "6 × H", "5 × H"], labels);

            // Scheme-zone tiles: the Thisted park of turbine 570715000002024939 (H = 91.5 + 117 / 2 = 150 m, its project's
            // key) draws its minimum-distance ring (the union of its members' discs) at 5 × H.
            var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(485024.22, 6320313.57);
            Tile.CreateAroundLocation(lat, lon, 12, out var x, out var y);
            var tile = new MapboxTileReader().Read(new MemoryStream(await client.GetByteArrayAsync($"/tiles/scheme-zones/12/{x}/{y}.mvt")), new Tile(x, y, 12));
            var discs = tile.Layers.Single().Features.Where(f => (string)f.Attributes["project"] == "inferred:570715000002024939").ToList();
            Assert.Contains(discs, f => (string)f.Attributes["ring"] == "minimum-distance" && Convert.ToDouble(f.Attributes["radius_m"], System.Globalization.CultureInfo.InvariantCulture) == 750);
            Assert.DoesNotContain(discs, f => ((string)f.Attributes["label"]).Contains("4 × H", StringComparison.Ordinal));

            // Classification of Kalundborg's addresses: every ring is named by the published minimum distance.
            var csv = await client.GetStringAsync("/api/classify?municipality=326&format=csv");
            Assert.Contains("5 × H", csv);
            Assert.DoesNotContain("4 × H", csv);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
