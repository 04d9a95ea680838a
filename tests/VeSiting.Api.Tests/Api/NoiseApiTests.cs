using System.Net;
using System.Text;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>The noise part of a project answer over HTTP: the layout's sound power, the exports' columns, and bad values as problems naming the field.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoiseApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // User journey 1's turbine west of Høng (hub 95 m), with a stated sound power: 104.0 dB(A) at 8 m/s, 102.0 at 6 m/s, and an octave spectrum.
    private static string Layout(string acoustics) => $$$"""
        {"type":"FeatureCollection","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200{{{acoustics}}}},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    private const string Stated = ""","lwa_6ms_db":102.0,"lwa_8ms_db":104.0,"lwa_octaves_8ms_db":[86.0,93.0,97.0,98.5,98.0,95.0,89.0,80.0]""";

    private Task<HttpResponseMessage> Post(string body, string query = "") =>
        _client.PostAsync($"/api/assess/project{query}", new StringContent(body, Encoding.UTF8, "application/geo+json"));

    [Fact]
    public async Task The_nearest_dwelling_gets_the_stated_turbines_level_by_the_method()
    {
        var response = await Post(Layout(Stated));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var noise = json.RootElement.GetProperty("noise");
        // The nearest dwelling is 661.2 m away (AssessmentApiTests, from Python on the DAR CSV). noise_method.py with this spectrum shifted
        // to 104.0 dB(A), h 95, l 661.2: 36.13 dB(A) at 8 m/s, 34.13 at 6 m/s from the planned turbine.
        var nearestId = json.RootElement.GetProperty("dwellings")[0].GetProperty("id").GetString();
        var nearest = noise.GetProperty("dwellings").EnumerateArray().Single(d => d.GetProperty("id").GetString() == nearestId);
        Assert.Equal(36.1, nearest.GetProperty("projectLevel8").GetDouble());
        Assert.Equal(34.1, nearest.GetProperty("projectLevel6").GetDouble());
        Assert.True(nearest.GetProperty("level8").GetDouble() >= 36.1);
        Assert.Equal(44, nearest.GetProperty("limit8").GetDouble());
        Assert.Equal("open-country", nearest.GetProperty("area").GetString());
        // No 1/3-octave spectrum: the low-frequency finding is not assessable, never a pass.
        Assert.Equal(JsonValueKind.Null, nearest.GetProperty("lowFrequency8").ValueKind);
        Assert.False(noise.GetProperty("summary").GetProperty("complies").GetBoolean());
        var planned = noise.GetProperty("turbines").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1");
        Assert.Equal(("layout", false, false), (planned.GetProperty("basis").GetString(), planned.GetProperty("estimate").GetBoolean(), planned.GetProperty("defaultSpectrum").GetBoolean()));
        Assert.Contains(noise.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "noise.area-open-country-default");
        Assert.Contains(noise.GetProperty("provenance").GetProperty("reported").EnumerateArray(), r => r.GetString()!.StartsWith("geometricTerm = 11 dB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_sound_power_the_noise_is_an_estimate_and_says_so()
    {
        using var json = JsonDocument.Parse(await (await Post(Layout(""))).Content.ReadAsStringAsync());
        var noise = json.RootElement.GetProperty("noise");
        Assert.Equal("estimate", noise.GetProperty("status").GetString());
        var planned = noise.GetProperty("turbines").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1");
        // 91.69 + 6.83 × lg 110 = 105.6 dB(A) at 8 m/s; 75.17 + 14.23 × lg 110 = 104.2 at 6 m/s (the noise-estimates rule set).
        Assert.Equal((105.6, 104.2, "estimate-by-rotor-diameter"), (planned.GetProperty("lwa8").GetDouble(), planned.GetProperty("lwa6").GetDouble(), planned.GetProperty("basis").GetString()));
        Assert.Equal("noise.sound-power-estimated", planned.GetProperty("why").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Exports_carry_the_noise_columns()
    {
        var csv = await (await Post(Layout(Stated), "?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("noise_8ms_dba,noise_6ms_dba,project_noise_8ms_dba", csv.Split('\n')[0]);
        using var geojson = JsonDocument.Parse(await (await Post(Layout(Stated), "?format=geojson")).Content.ReadAsStringAsync());
        var dwellings = geojson.RootElement.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "dwelling").ToList();
        Assert.Contains(dwellings, d => d.GetProperty("properties").GetProperty("project_noise_8ms_dba").ValueKind == JsonValueKind.Number);
    }

    [Theory]
    [InlineData(""","lwa_6ms_db":102,"lwa_8ms_db":140""", "lwa_8ms_db")]
    [InlineData(""","lwa_6ms_db":59,"lwa_8ms_db":104""", "lwa_6ms_db")]
    [InlineData(""","lwa_6ms_db":102,"lwa_8ms_db":104,"lwa_octaves_8ms_db":[90,90,90]""", "lwa_octaves_8ms_db")]
    [InlineData(""","lwa_6ms_db":102,"lwa_8ms_db":104,"lwa_lf_thirds_8ms_db":[60,60]""", "lwa_lf_thirds_8ms_db")]
    [InlineData(""","lwa_8ms_db":104""", "lwa_6ms_db")]
    public async Task Bad_sound_power_is_a_problem_naming_the_field(string acoustics, string field)
    {
        var response = await Post(Layout(acoustics));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith(field, json.RootElement.GetProperty("field").GetString());
    }
}
