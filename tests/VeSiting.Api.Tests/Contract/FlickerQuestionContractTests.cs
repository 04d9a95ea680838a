using System.Net;
using System.Text;
using System.Text.Json;
using VeSiting.Api.Tests.Api;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Tests;

namespace VeSiting.Api.Tests.Contract;

/// <summary>
/// The questions about a planned layout's surroundings, asked through both front ends: a layout and a flicker year
/// (<see cref="Core.Questions.LayoutQuestion"/>: the service's <c>POST /api/noise-bands</c>, the command line's
/// <c>flicker dwellings --file</c>) and one dwelling's flicker calendar (<see cref="Core.Questions.FlickerCalendarQuestion"/>:
/// <c>/api/shadow-flicker/calendar</c>, <c>flicker calendar</c>). A bad question gets the same refusal from both (kind,
/// field and reason, written out here); the same calendar question the same spells.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FlickerQuestionContractTests(ApiFactory factory) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-flicker-contract-").FullName;

    /// <summary>Journey 1's turbine near Høng in EPSG:25832 (E 638500, N 6150500); <paramref name="properties"/> replaces its own.</summary>
    private static string Layout(string properties = "\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200") =>
        $$$"""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"permit_date":"2026-06-01","features":[{"type":"Feature","properties":{{{{properties}}}},"geometry":{"type":"Point","coordinates":[638500,6150500]}}]}""";

    /// <summary>Layout questions: the layout, the flicker year (null: none), the refusal.</summary>
    public static TheoryData<string, string, int?, Refused> LayoutRefusals => new()
    {
        { "a hub below the plausible range", Layout("\"hub_height_m\":-5,\"rotor_diameter_m\":110"), null,
            Refused.Invalid("hub_height_m", "--file: hub_height_m", "feature 1: -5 is not within above 0 to 300") },
        // Before: the command line read the file without the service's checks of the document.
        { "a ring that is not closed", Layout("\"capacity_mw\":5").Replace("{\"type\":\"Point\",\"coordinates\":[638500,6150500]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[638500,6150500],[638600,6150500],[638600,6150600],[638500,6150650]]]}", StringComparison.Ordinal), null,
            Refused.Invalid("geometry", "--file: geometry", "feature 1, coordinates[0]: the ring is not closed: its last position must equal its first") },
        { "a flicker year out of range", Layout(), 1800, Refused.Invalid("flickerYear", "--flicker-year", "1800 is not a year from 1900 to 2100") },
    };

    [Theory]
    [MemberData(nameof(LayoutRefusals))]
    public async Task The_same_bad_layout_question_gets_the_same_refusal_from_both(string name, string layout, int? flickerYear, Refused expected)
    {
        var year = flickerYear is { } y ? $"?flickerYear={y}" : "";
        using var body = new StringContent(layout, Encoding.UTF8, "application/geo+json");
        var reason = await Problems.AssertProblemAsync(await factory.CreateClient().PostAsync($"/api/noise-bands{year}", body), expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        var file = await FileAsync(layout);
        string[] option = flickerYear is { } given ? ["--flicker-year", $"{given}"] : [];
        await expected.AssertCliRefusesAsync(name, ["flicker", "dwellings", "--file", file, .. option, "--year", "2026"]);
    }

    /// <summary>Calendar questions: the service's query, the command line's options, the layout (null: the turbines in operation), the refusal.</summary>
    public static TheoryData<string, string, string[], string?, Refused> CalendarRefusals => new()
    {
        { "no location", "flickerYear=2026", ["--flicker-year", "2026"], null,
            Refused.Invalid("location", null, "give exactly one location: latitude and longitude, easting and northing (EPSG:25832) or an address") },
        { "a flicker year out of range", "e=639567.62&n=6150034.92&flickerYear=99999", ["--utm", "639567.62 6150034.92", "--flicker-year", "99999"], null,
            Refused.Invalid("flickerYear", "--flicker-year", "99999 is not a year from 1900 to 2100") },
        { "easting and northing outside Denmark", "e=1&n=2", ["--utm", "1 2"], null,
            Refused.Invalid("e", "--utm", "(1, 2) lies outside Denmark's extent E 380000–920000, N 6020000–6440000 (EPSG:25832)") },
        { "a bad layout", "e=639567.62&n=6150034.92", ["--utm", "639567.62 6150034.92"], Layout("\"hub_height_m\":95,\"capacity_kw\":4200"),
            Refused.Invalid("rotor_diameter_m", "--file: rotor_diameter_m", "missing or not a number") },
        { "no such address", "address=Nowhere%20Street%2099999", ["--address", "Nowhere Street 99999"], Layout(),
            Refused.NotFound("address", "no address matches 'Nowhere Street 99999'") },
    };

    [Theory]
    [MemberData(nameof(CalendarRefusals))]
    public async Task The_same_bad_calendar_question_gets_the_same_refusal_from_both(string name, string query, string[] options, string? layout, Refused expected)
    {
        var client = factory.CreateClient();
        using var body = layout is null ? null : new StringContent(layout, Encoding.UTF8, "application/geo+json");
        var response = body is null ? await client.GetAsync($"/api/shadow-flicker/calendar?{query}") : await client.PostAsync($"/api/shadow-flicker/calendar?{query}", body);
        var reason = await Problems.AssertProblemAsync(response, expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        string[] file = layout is null ? [] : ["--file", await FileAsync(layout)];
        await expected.AssertCliRefusesAsync(name, ["flicker", "calendar", .. options, .. file, "--year", "2026"]);
    }

    [Fact]
    public async Task The_same_calendar_question_gets_the_same_spells_from_both()
    {
        // The dwelling at Drøsselbjergvej 3 (E 639567.62, N 6150034.92), 1,164 m from the turbine: 672 worst-case minutes in 2025 by
        // tests/VeSiting.Core.Tests/ShadowFlicker/flicker_reference.py (ShadowFlickerApiTests).
        using var body = new StringContent(Layout(), Encoding.UTF8, "application/geo+json");
        var response = await factory.CreateClient().PostAsync("/api/shadow-flicker/calendar?e=639567.62&n=6150034.92&flickerYear=2025", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var run = await CliRun.Of(["flicker", "calendar", "--utm", "639567.62 6150034.92", "--file", await FileAsync(Layout()), "--flicker-year", "2025", "--year", "2026", "--format", "json"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var cli = JsonDocument.Parse(run.Output);

        var spells = api.RootElement.GetProperty("spells").EnumerateArray()
            .Select(s => $"{s.GetProperty("date").GetString()} {s.GetProperty("start").GetString()}–{s.GetProperty("end").GetString()} {s.GetProperty("minutes").GetInt32()}").ToList();
        var rows = cli.RootElement.GetProperty("items").EnumerateArray()
            .Select(s => $"{s.GetProperty("date").GetString()} {s.GetProperty("start").GetString()}–{s.GetProperty("end").GetString()} {s.GetProperty("minutes").GetInt32()}").ToList();
        Assert.InRange(spells.Sum(s => int.Parse(s.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)), 666, 678);
        Assert.Equal(spells, rows);
        Assert.Equal(api.RootElement.GetProperty("dwelling").GetProperty("worstCaseHours").GetDouble(), cli.RootElement.GetProperty("summary").GetProperty("worst_case_h_yr").GetDouble());
    }

    private async Task<string> FileAsync(string layout)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, layout);
        return file;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
