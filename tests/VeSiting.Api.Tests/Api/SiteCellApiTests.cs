using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using VeSiting.Api.Tests.Ogc;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// What the web map's panels read: a cell of the suitability raster (checked against the same raster read by GDAL from
/// the GeoTIFF), a profile's file, and a project's answer with its GeoJSON in one request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SiteCellApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_cell_gives_the_score_and_criterion_values_GDAL_reads_from_the_GeoTIFF()
    {
        const string query = "profile=greenhouse&area=municipality:0461&cell=1000";
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-cell-{Guid.NewGuid():N}.tif");
        try
        {
            await File.WriteAllBytesAsync(path, await _client.GetByteArrayAsync($"/api/sites?{query}&format=geotiff"));
            // Centre of the 1 km cell with south-west corner (588,000, 6,140,000), central Odense.
            using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/sites/cell?{query}&e=588500&n=6140500"));
            var cell = json.RootElement;
            Assert.Equal("588000_6140000", cell.GetProperty("cell").GetString());
            Assert.Equal(1000, cell.GetProperty("cellSizeM").GetDouble());

            // gdallocationinfo prints every band at the point: the score, then each criterion in the profile's order.
            var bands = (await GdalClientTests.RunAsync("gdallocationinfo", "-valonly", "-geoloc", path, "588500", "6140500"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
            var values = cell.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(values.Count + 1, bands.Count);
            Assert.Equal("ranked", cell.GetProperty("status").GetString());
            Assert.Equal(bands[0], cell.GetProperty("score").GetDouble(), 0.001);
            for (var i = 0; i < values.Count; i++)
                Assert.Equal(bands[i + 1], values[i].GetProperty("value").GetDouble(), Math.Max(1e-3, Math.Abs(bands[i + 1]) * 1e-6));
            Assert.Equal(["DKK/kWh", "m", "MW", "people", "m"], values.Select(v => v.GetProperty("unit").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_cell_at_a_turbine_is_excluded_and_says_why()
    {
        // ENS register: turbine 570715000000019357 (H 43 m) at E 552121.07, N 6252847.29; the centre of its 100 m cell
        // (552150, 6252850) is 29 m away, inside 4 × 43 = 172 m.
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sites/cell?profile=greenhouse&area=municipality:0730&cell=100&e=552150&n=6252850"));
        var cell = json.RootElement;
        Assert.Equal("552100_6252800", cell.GetProperty("cell").GetString());
        Assert.Equal("excluded", cell.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("score").ValueKind);
        Assert.Contains("minimum distance", cell.GetProperty("excludedBecause").GetString(), StringComparison.Ordinal);
        // The criteria are still measured there.
        Assert.Equal(JsonValueKind.Number, cell.GetProperty("values")[0].GetProperty("value").ValueKind);
    }

    [Theory]
    [InlineData("/api/sites/cell?profile=greenhouse&area=municipality:0461", HttpStatusCode.BadRequest, "location")]
    [InlineData("/api/sites/cell?profile=unicorn&lat=55.4&lon=10.39", HttpStatusCode.NotFound, "profile")]
    [InlineData("/api/sites/cell?lat=55.4", HttpStatusCode.BadRequest, "lon")]
    [InlineData("/api/sites/cell?lat=48.85&lon=2.35", HttpStatusCode.BadRequest, "lat")]
    [InlineData("/api/sites/profiles/unicorn", HttpStatusCode.NotFound, "profile")]
    public async Task Bad_cell_and_profile_requests_are_problems(string url, HttpStatusCode status, string field)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync(url), status, field);
    }

    [Fact]
    public async Task A_profile_comes_as_its_file_and_posts_back_as_a_profile()
    {
        var file = await _client.GetStringAsync("/api/sites/profiles/greenhouse");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "geodata", "siting", "profiles", "greenhouse.json")), file);
        var body = $$"""{"profile":{{file}},"area":"municipality:0461","cell":1000}""";
        var response = await _client.PostAsync("/api/sites?limit=1", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_project_answer_carries_its_features_when_asked()
    {
        const string project = """{"type":"FeatureCollection","permit_date":"2026-06-01","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}""";
        async Task<JsonElement> PostAsync(string query)
        {
            var response = await _client.PostAsync($"/api/assess/project{query}", new StringContent(project, Encoding.UTF8, "application/geo+json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var plain = await PostAsync("");
        var both = await PostAsync("?features=true");
        var geojson = await PostAsync("?format=geojson");

        Assert.False(plain.TryGetProperty("features", out _));
        Assert.True(JsonElement.DeepEquals(geojson, both.GetProperty("features")), "features is the GeoJSON answer");
        Assert.Equal(plain.GetProperty("dwellings").GetRawText(), both.GetProperty("dwellings").GetRawText());
        // 42 dwellings within 8 × H = 1,200 m (Python on the DAR CSV), 3 rings (4, 6 and 8 × H) and the turbine; the noise and
        // flicker answers add their own kinds (dwellings the noise or the flicker reaches beyond the rings).
        var kinds = both.GetProperty("features").GetProperty("features").EnumerateArray()
            .GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal((42, 3, 1), (kinds["dwelling"], kinds["ring"], kinds["plant"]));
        Assert.Empty(kinds.Keys.Except(["dwelling", "ring", "plant", "noise-dwelling", "flicker"]));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VeSiting.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VeSiting.sln not found above the test binaries");
    }
}
