using System.Net;
using System.Text;
using System.Text.Json;
using VeSiting.Api.Tests.Api;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Tests;

namespace VeSiting.Api.Tests.Contract;

/// <summary>
/// One table of project questions (a planned layout with its options), of registered plants and of municipalities, asked
/// through both front ends: the service (<c>POST /api/assess/project</c> with the layout as the body,
/// <c>GET /api/assess/plant/{gsrn}</c>, <c>GET /api/assess/municipality/{code}</c>) and the command line
/// (<c>vesiting assess project --file</c>, <c>assess plant --gsrn</c>, <c>assess municipality --code</c>). A bad
/// question gets the same refusal from both: the kind (HTTP status; exit code), the field and the reason, written out
/// here. The command line puts the option in front (for a property inside the layout file: <c>--file</c> and the
/// property); the layout as a whole is the service's <c>body</c> and the command line's <c>--file</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProjectQuestionContractTests(ApiFactory factory) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-project-contract-").FullName;

    /// <summary>Journey 1's turbine near Høng, in EPSG:25832; <paramref name="properties"/> and <paramref name="geometry"/> replace its own.</summary>
    private static string Layout(string properties = "\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200",
        string geometry = "{\"type\":\"Point\",\"coordinates\":[638500,6150500]}", string collection = "\"permit_date\":\"2026-06-01\"") =>
        $$$"""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},{{{collection}}},"features":[{"type":"Feature","properties":{{{{properties}}}},"geometry":{{{geometry}}}}]}""";

    /// <summary>Layout refusals: the body (the file), the service's query, the command line's options, the refusal.</summary>
    public static TheoryData<string, string, string, string[], Refused> LayoutRefusals => new()
    {
        { "a hub above the plausible range", Layout("\"hub_height_m\":400,\"rotor_diameter_m\":110,\"capacity_kw\":4200"), "", [],
            Refused.Invalid("hub_height_m", "--file: hub_height_m", "feature 1: 400 is not within above 0 to 300") },
        { "no rotor diameter", Layout("\"hub_height_m\":95,\"capacity_kw\":4200"), "", [],
            Refused.Invalid("rotor_diameter_m", "--file: rotor_diameter_m", "missing or not a number") },
        { "a feature's permit date that is no date", Layout("\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200,\"permit_date\":\"2026-02-30\""), "", [],
            Refused.Invalid("permit_date", "--file: permit_date", "feature 1: '2026-02-30' is not a date (yyyy-mm-dd)") },
        { "a ring that is not closed", Layout("\"capacity_mw\":5", "{\"type\":\"Polygon\",\"coordinates\":[[[638500,6150500],[638600,6150500],[638600,6150600],[638500,6150650]]]}"), "", [],
            Refused.Invalid("geometry", "--file: geometry", "feature 1, coordinates[0]: the ring is not closed: its last position must equal its first") },
        // Paris in EPSG:25832 terms lies far west of Denmark's extent.
        { "a turbine outside Denmark", Layout(geometry: "{\"type\":\"Point\",\"coordinates\":[100000,6150500]}"), "", [],
            Refused.Invalid("geometry", "--file: geometry", "position lies outside Denmark's extent E 380000–920000, N 6020000–6440000 (EPSG:25832)") },
        { "a permit date option that is no date", Layout(), "permitDate=2026-13-01", ["--permit-date", "2026-13-01"],
            Refused.Invalid("permitDate", "--permit-date", "'2026-13-01' is not a date (yyyy-mm-dd)") },
        { "a flicker year out of range", Layout(), "flickerYear=1800", ["--flicker-year", "1800"],
            Refused.Invalid("flickerYear", "--flicker-year", "1800 is not a year from 1900 to 2100") },
        { "a name too long", Layout(), $"name={new string('x', 201)}", ["--name", new string('x', 201)],
            Refused.Invalid("name", "--name", "201 characters; at most 200") },
    };

    [Theory]
    [MemberData(nameof(LayoutRefusals))]
    public async Task The_same_bad_layout_gets_the_same_refusal_from_both(string name, string layout, string query, string[] options, Refused expected)
    {
        using var body = new StringContent(layout, Encoding.UTF8, "application/geo+json");
        var response = await factory.CreateClient().PostAsync($"/api/assess/project?{query}", body);
        var reason = await Problems.AssertProblemAsync(response, expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        var file = Path.Combine(_folder, "layout.geojson");
        await File.WriteAllTextAsync(file, layout);
        await expected.AssertCliRefusesAsync(name, ["assess", "project", "--file", file, .. options, "--year", "2026"]);
    }

    [Fact]
    public async Task A_layout_that_is_not_JSON_is_refused_where_it_was_given()
    {
        const string text = "{\"type\":\"FeatureCollection\",";
        using var body = new StringContent(text, Encoding.UTF8, "application/geo+json");
        var reason = await Problems.AssertProblemAsync(await factory.CreateClient().PostAsync("/api/assess/project", body), HttpStatusCode.BadRequest, "body");
        Assert.StartsWith("not valid JSON at line 1, column ", reason);

        var file = Path.Combine(_folder, "broken.geojson");
        await File.WriteAllTextAsync(file, text);
        await Refused.Invalid("body", "--file", reason).AssertCliRefusesAsync("not JSON", ["assess", "project", "--file", file]);
    }

    /// <summary>Registered plants and municipalities: the refusals that need the data (the command line loads it first).</summary>
    public static TheoryData<string, string, string[], Refused> LookupRefusals => new()
    {
        { "a GSRN not in the register", "/api/assess/plant/000000000000000000", ["assess", "plant", "--gsrn", "000000000000000000"],
            Refused.NotFound("gsrn", "no plant with GSRN '000000000000000000' in the register") },
        { "a plant's flicker year out of range", "/api/assess/plant/570715000000045608?flickerYear=2200", ["assess", "plant", "--gsrn", "570715000000045608", "--flicker-year", "2200"],
            Refused.Invalid("flickerYear", "--flicker-year", "2200 is not a year from 1900 to 2100") },
        { "a municipality code that names none", "/api/assess/municipality/999", ["assess", "municipality", "--code", "999"],
            Refused.NotFound("code", "no municipality with code '999'") },
    };

    [Theory]
    [MemberData(nameof(LookupRefusals))]
    public async Task The_same_bad_lookup_gets_the_same_refusal_from_both(string name, string url, string[] cli, Refused expected)
    {
        var reason = await Problems.AssertProblemAsync(await factory.CreateClient().GetAsync(url), expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");
        await expected.AssertCliRefusesAsync(name, [.. cli, "--year", "2026"]);
    }

    [Fact]
    public async Task The_same_layout_gets_the_same_answer_from_both()
    {
        // The layout names itself: both front ends call the project by that name (the command line used the file's name before).
        var layout = Layout(collection: "\"permit_date\":\"2026-06-01\",\"name\":\"Høng vest\"");
        using var body = new StringContent(layout, Encoding.UTF8, "application/geo+json");
        var response = await factory.CreateClient().PostAsync("/api/assess/project?year=2026", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var file = Path.Combine(_folder, "layout.geojson");
        await File.WriteAllTextAsync(file, layout);
        var run = await CliRun.Of(["assess", "project", "--file", file, "--year", "2026", "--format", "json"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var cli = JsonDocument.Parse(run.Output);

        var service = api.RootElement;
        var summary = cli.RootElement.GetProperty("summary");
        Assert.Equal("Høng vest", service.GetProperty("name").GetString());
        Assert.Contains("Høng vest", run.Output);
        // Journey 1's numbers (derived by hand in AssessCommandTests): 26 households with the sales option, 42 with the VE-bonus.
        Assert.Equal(26, service.GetProperty("salesOptionHouseholds").GetInt32());
        Assert.Equal(service.GetProperty("salesOptionHouseholds").GetInt32(), summary.GetProperty("households_with_the_sales_option").GetInt32());
        Assert.Equal(service.GetProperty("veBonusHouseholds").GetInt32(), summary.GetProperty("households_with_the_ve_bonus").GetInt32());
        Assert.Equal(service.GetProperty("greenPoolDkk").GetDouble(), summary.GetProperty("green_pool_dkk").GetDouble(), 0.5);
        Assert.Equal(service.GetProperty("veBonus").GetProperty("totalDkk").GetDouble(), summary.GetProperty("ve_bonus_total_dkk_yr").GetDouble(), 0.5);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
