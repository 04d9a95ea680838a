using System.Net;
using System.Text;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ShadowFlickerApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // User journey 1's turbine west of Høng: hub 95 m, rotor 110 m, at E 638500.00 N 6150500.00 (pyproj, EPSG:25832).
    private const string Journey1 = """
        {"type":"FeatureCollection","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    private static StringContent Body() => new(Journey1, Encoding.UTF8, "application/geo+json");

    [Fact]
    public async Task A_planned_turbine_gives_every_dwelling_within_reach_its_flicker_hours()
    {
        var response = await _client.PostAsync("/api/assess/project?flickerYear=2025", Body());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var flicker = json.RootElement.GetProperty("shadowFlicker");
        Assert.Equal(2025, flicker.GetProperty("year").GetInt32());
        Assert.Equal(10, flicker.GetProperty("limitHours").GetDouble());
        Assert.Equal("guidance", flicker.GetProperty("limitStatus").GetString());
        var dwellings = flicker.GetProperty("dwellings").EnumerateArray().ToList();
        Assert.NotEmpty(dwellings);
        // Maximum distance 10.7497 × 110 = 1,182.5 m (rule set); every dwelling listed lies within it.
        Assert.All(dwellings, d => Assert.True(Distance(d) <= 1182.5 + 0.5, $"{d.GetProperty("id")} at {Distance(d)} m"));
        Assert.Equal(dwellings.Count, flicker.GetProperty("summary").GetProperty("dwellings").GetInt32());
        Assert.Equal(dwellings.Count(d => d.GetProperty("expectedHours").GetDouble() > 10), flicker.GetProperty("summary").GetProperty("overLimit").GetInt32());
        Assert.Contains(flicker.GetProperty("provenance").GetProperty("unconfirmed").EnumerateArray(), u => u.GetString()!.StartsWith("meanBladeWidthShareOfRotorDiameter", StringComparison.Ordinal));

        // The worst dwelling, against the independent script:
        //   /usr/bin/python3 tests/VeSiting.Core.Tests/ShadowFlicker/flicker_reference.py point 639567.62 6150034.92 638500.00 6150500.00 95 110 2025
        //   → 672 worst-case minutes (11.2 h), 42 days, at most 22 minutes a day, 2.4477 h expected.
        var worst = flicker.GetProperty("summary").GetProperty("worst");
        Assert.Equal("Drøsselbjergvej 3, 4200 Slagelse", worst.GetProperty("label").GetString());
        Assert.Equal(11.2, worst.GetProperty("worstCaseHours").GetDouble(), 0.1);
        Assert.InRange(worst.GetProperty("days").GetInt32(), 41, 43);
        Assert.InRange(worst.GetProperty("maxMinutesPerDay").GetInt32(), 21, 23);
        Assert.Equal(2.45, worst.GetProperty("expectedHours").GetDouble(), 0.05);
        Assert.Equal("flicker.within-limit", worst.GetProperty("why").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_calendar_of_one_dwelling_sums_to_its_worst_case_and_exports_carry_the_columns()
    {
        var response = await _client.PostAsync("/api/shadow-flicker/calendar?e=639567.62&n=6150034.92&flickerYear=2025", Body());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var spells = json.RootElement.GetProperty("spells").EnumerateArray().ToList();
        // 672 minutes by flicker_reference.py (see above), in spells of at most 22 minutes, on 42 days.
        Assert.InRange(spells.Sum(s => s.GetProperty("minutes").GetInt32()), 666, 678);
        Assert.All(spells, s => Assert.Equal("T1", s.GetProperty("turbines")[0].GetString()));
        Assert.InRange(spells.Select(s => s.GetProperty("date").GetString()).Distinct().Count(), 41, 43);

        var csv = await (await _client.PostAsync("/api/assess/project?format=csv&flickerYear=2025", Body())).Content.ReadAsStringAsync();
        Assert.Contains("flicker_worst_case_h,flicker_days,flicker_max_min_per_day,flicker_expected_h,flicker_over_limit,flicker_turbines", csv.Split('\n')[0]);
        Assert.Contains(csv.Split('\n'), l => l.Contains("Drøsselbjergvej 3", StringComparison.Ordinal) && l.Contains(",11.2,42,22,", StringComparison.Ordinal));
        var geojson = await (await _client.PostAsync("/api/assess/project?format=geojson&flickerYear=2025", Body())).Content.ReadAsStringAsync();
        Assert.Contains("\"kind\":\"flicker\"", geojson);
    }

    [Fact]
    public async Task A_calendar_needs_one_location_and_a_plausible_year()
    {
        var none = await _client.GetAsync("/api/shadow-flicker/calendar");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("location", await none.Content.ReadAsStringAsync());
        var year = await _client.GetAsync("/api/shadow-flicker/calendar?e=639567.62&n=6150034.92&flickerYear=99999");
        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Contains("flickerYear", await year.Content.ReadAsStringAsync());
    }

    private static double Distance(JsonElement dwelling)
    {
        var p = dwelling.GetProperty("position");
        return Math.Sqrt(Math.Pow(p.GetProperty("e").GetDouble() - 638500.00, 2) + Math.Pow(p.GetProperty("n").GetDouble() - 6150500.00, 2));
    }
}
