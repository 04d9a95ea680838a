using System.Net;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using VeSiting.Core.Spatial;

namespace VeSiting.Api.Tests.Api;

/// <summary>POST /api/noise-bands: a layout's noise bands at the limits, flicker bands and dwellings, as GeoJSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoiseBandsApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // User journey 1's turbine west of Høng (hub 95 m, rotor 110 m) with a stated sound power: 104.0 dB(A) at 8 m/s, 102.0 at 6 m/s, stated spectrum.
    private const double Lon = 11.191610543, Lat = 55.480984828;

    private static string Layout(string hub = "95") => $$$"""
        {"type":"FeatureCollection","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":{{{hub}}},"rotor_diameter_m":110,"capacity_kw":4200,"lwa_6ms_db":102.0,"lwa_8ms_db":104.0,
          "lwa_octaves_8ms_db":[86.0,93.0,97.0,98.5,98.0,95.0,89.0,80.0]},"geometry":{"type":"Point","coordinates":[{{{Lon}}},{{{Lat}}}]}}]}
        """;

    private Task<HttpResponseMessage> Post(string body, string path = "/api/noise-bands") =>
        _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/geo+json"));

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public async Task A_turbine_gets_its_bands_at_the_limits_and_its_dwellings_the_project_answers_noise_and_flicker()
    {
        var response = await Post(Layout());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(10, root.GetProperty("cellM").GetDouble());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        var bands = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "noise-band")
            .ToDictionary(f => f.GetProperty("properties").GetProperty("band").GetString()!, f => Utm(f.GetProperty("geometry")));

        // noise_method.py (spectrum shifted to 104.0, h 95): over 44.0 (44.05 and up) out to 282.00 m, over 39.0 out to 489.83 m; at 6 m/s
        // 2 dB quieter against limits 2 dB lower: the same. Turbines in operation only add, so each band reaches at least that far.
        var turbine = GeometryTransforms.Utm32Point(CoordinateTransformer.Instance.ToUtm32(Lon, Lat).E, CoordinateTransformer.Instance.ToUtm32(Lon, Lat).N);
        foreach (var (id, radius) in new[] { ("open-country-8", 282.00), ("open-country-6", 282.00), ("noise-sensitive-8", 489.83), ("noise-sensitive-6", 489.83) })
        {
            Assert.True(bands[id].Covers(Offset(turbine, radius - 15)), $"{id} covers {radius - 15} m east");
            Assert.Contains(features, f => f.GetProperty("properties").GetProperty("band").GetString() == id
                && f.GetProperty("properties").GetProperty("label").GetString()!.Contains("dB(A)", StringComparison.Ordinal));
        }
        Assert.Equal(["over 44 dB(A) at 8 m/s (open country)", "over 42 dB(A) at 6 m/s (open country)", "over 39 dB(A) at 8 m/s (noise-sensitive land use)", "over 37 dB(A) at 6 m/s (noise-sensitive land use)"],
            root.GetProperty("noise").GetProperty("limits").EnumerateArray().Select(l => l.GetProperty("label").GetString()));
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("kind").GetString() == "flicker-band" && f.GetProperty("properties").GetProperty("band").GetString() == "flicker");

        // Each dwelling carries the project answer's noise and flicker for it (the same assessors; tested against independent scripts there).
        using var project = JsonDocument.Parse(await (await Post(Layout(), "/api/assess/project")).Content.ReadAsStringAsync());
        var noise = project.RootElement.GetProperty("noise").GetProperty("dwellings").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        var flicker = project.RootElement.GetProperty("shadowFlicker").GetProperty("dwellings").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        var dwellings = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "dwelling").Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(noise.Keys.Union(flicker.Keys).Order(StringComparer.Ordinal), dwellings.Select(d => d.GetProperty("address_id").GetString()!));
        foreach (var d in dwellings)
        {
            var id = d.GetProperty("address_id").GetString()!;
            if (noise.TryGetValue(id, out var n))
                Assert.Equal(n.GetProperty("level8").GetDouble(), d.GetProperty("noise_8ms_dba").GetDouble());
            if (flicker.TryGetValue(id, out var f))
                Assert.Equal(Math.Round(f.GetProperty("expectedHours").GetDouble(), 1), d.GetProperty("flicker_expected_h").GetDouble(), 0.051);
        }
    }

    [Theory]
    [InlineData("-5", "hub_height_m")]
    [InlineData("\"tall\"", "hub_height_m")]
    public async Task A_bad_layout_is_a_problem_naming_the_field(string hub, string field)
    {
        var response = await Post(Layout(hub));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(field, problem.RootElement.GetProperty("field").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_out_of_range_is_a_problem()
    {
        var response = await Post(Layout(), "/api/noise-bands?flickerYear=3000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("flickerYear", problem.RootElement.GetProperty("field").GetString());
    }

    private static Geometry Utm(JsonElement geometry) =>
        GeometryTransforms.Transform(JsonSerializer.Deserialize<Geometry>(geometry.GetRawText(), GeoJson)!, Epsg.Wgs84, Epsg.Utm32);

    private static Point Offset(Point p, double east) => GeometryTransforms.Utm32Point(p.X + east, p.Y);
}
