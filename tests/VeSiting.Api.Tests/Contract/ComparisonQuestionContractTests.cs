using System.Net;
using System.Text;
using VeSiting.Api.Tests.Api;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Tests;

namespace VeSiting.Api.Tests.Contract;

/// <summary>
/// One table of comparisons asked through both front ends: the service (<c>POST /api/assess/compare</c> with
/// <c>{"layouts": […]}</c> or <c>{"projects": […]}</c>) and the command line (<c>vesiting assess compare</c> with
/// <c>--file</c> or <c>--project</c>, repeated). A bad question gets the same refusal from both (kind, field, reason written
/// out here); the command line names the option, and for one layout the option with that layout's file. The same two
/// layouts get the same table from both, byte for byte as CSV.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ComparisonQuestionContractTests(ApiFactory factory) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-compare-contract-").FullName;

    /// <summary>Journey 1's turbine near Høng in EPSG:25832 (hub 95 m, rotor 110 m, 4.2 MW); <paramref name="properties"/> replaces its own.</summary>
    private static string Layout(string name = "tall", string properties = "\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200", double east = 638500) =>
        $$$"""{"type":"FeatureCollection","name":"{{{name}}}","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"permit_date":"2026-06-01","features":[{"type":"Feature","properties":{{{{properties}}}},"geometry":{"type":"Point","coordinates":[{{{east}}},6150500]}}]}""";

    /// <summary>A shorter turbine 700 m west: hub 60 m, rotor 50 m, 0.8 MW.</summary>
    private static string Short(string name = "short") => Layout(name, "\"hub_height_m\":60,\"rotor_diameter_m\":50,\"capacity_kw\":800", 637800);

    /// <summary>
    /// Refusals about the layouts given: the layouts (in order; the service's body <c>{"layouts": […]}</c>, the command line's
    /// files), the service's query and the command line's other options, and the refusal. In the option, <c>{i}</c> stands for
    /// the i-th layout's file.
    /// </summary>
    public static TheoryData<string, string[], string, string[], Refused> LayoutRefusals => new()
    {
        { "one layout", [Layout()], "", [], Refused.Invalid("layouts", "--file", "1 entry; a comparison takes 2 to 5") },
        { "six layouts", [.. Enumerable.Repeat(Layout(), 6)], "", [], Refused.Invalid("layouts", "--file", "6 entries; a comparison takes 2 to 5") },
        { "a hub below the plausible range in the second layout", [Layout(), Layout("low", "\"hub_height_m\":-5,\"rotor_diameter_m\":110,\"capacity_kw\":4200")], "", [],
            Refused.Invalid("layouts[1]", "--file {1}", "hub_height_m: feature 1: -5 is not within above 0 to 300") },
        { "a layout without a rotor diameter", [Layout("no rotor", "\"hub_height_m\":95,\"capacity_kw\":4200"), Short()], "", [],
            Refused.Invalid("layouts[0]", "--file {0}", "rotor_diameter_m: missing or not a number") },
        // Before: the service fell back to "layout A" and the command line took the long name.
        { "a layout's name too long", [Layout(new string('x', 201)), Short()], "", [],
            Refused.Invalid("layouts[0]", "--file {0}", "name: 201 characters; at most 200") },
        // Before: the service had no permit date for a comparison.
        { "a permit date that is no date", [Layout(), Short()], "permitDate=2026-13-01", ["--permit-date", "2026-13-01"],
            Refused.Invalid("permitDate", "--permit-date", "'2026-13-01' is not a date (yyyy-mm-dd)") },
        { "a flicker year out of range", [Layout(), Short()], "flickerYear=1800", ["--flicker-year", "1800"],
            Refused.Invalid("flickerYear", "--flicker-year", "1800 is not a year from 1900 to 2100") },
    };

    [Theory]
    [MemberData(nameof(LayoutRefusals))]
    public async Task The_same_bad_layouts_get_the_same_refusal_from_both(string name, string[] layouts, string query, string[] options, Refused expected)
    {
        var reason = await Problems.AssertProblemAsync(await PostAsync($"{{\"layouts\":[{string.Join(",", layouts)}]}}", query), expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        var files = await FilesAsync(layouts);
        var option = files.Select((file, i) => (file, i)).Aggregate(expected.Option, (o, f) => o?.Replace($"{{{f.i}}}", f.file, StringComparison.Ordinal));
        await (expected with { Option = option }).AssertCliRefusesAsync(name, ["assess", "compare", .. files.SelectMany(f => new[] { "--file", f }), .. options, "--year", "2026"]);
    }

    /// <summary>Refusals about saved projects, or about which: the body, the command line's options, the refusal.</summary>
    public static TheoryData<string, string, string[], Refused> ProjectRefusals => new()
    {
        { "neither layouts nor projects", "{}", [], Refused.Invalid("layouts", "--file", "give 2 to 5 layouts or saved projects") },
        { "layouts and projects", $"{{\"layouts\":[{Layout()},{Short()}],\"projects\":[\"a\",\"b\"]}}", ["--file", "{layout}", "--file", "{layout}", "--project", "a", "--project", "b"],
            Refused.Invalid("projects", "--project", "give layouts or saved projects, not both") },
        { "a project id that cannot be one", "{\"projects\":[\"Bad Id\",\"x\"]}", ["--project", "Bad Id", "--project", "x"],
            Refused.Invalid("projects[0]", "--project", "'Bad Id' is not a project id (1–64 lower-case letters, digits and dashes)") },
        // Before: the command line said so as a usage error, the service as "not found".
        { "a saved project that is not there", "{\"projects\":[\"no-such-project-1\",\"no-such-project-2\"]}", ["--project", "no-such-project-1", "--project", "no-such-project-2"],
            Refused.NotFound("projects[0]", "no saved project 'no-such-project-1'") },
    };

    [Theory]
    [MemberData(nameof(ProjectRefusals))]
    public async Task The_same_bad_choice_of_layouts_gets_the_same_refusal_from_both(string name, string body, string[] options, Refused expected)
    {
        var reason = await Problems.AssertProblemAsync(await PostAsync(body), expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        var layout = (await FilesAsync([Layout()]))[0];
        // An empty state folder holds no saved projects.
        var state = Directory.CreateDirectory(Path.Combine(_folder, "state")).FullName;
        await expected.AssertCliRefusesAsync(name, ["assess", "compare", .. options.Select(o => o == "{layout}" ? layout : o), "--state", state, "--year", "2026"]);
    }

    [Fact]
    public async Task The_same_layouts_get_the_same_table_from_both()
    {
        var layouts = new[] { Layout(), Short() };
        var response = await PostAsync($"{{\"layouts\":[{string.Join(",", layouts)}]}}", "format=csv&year=2026&flickerYear=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var service = await response.Content.ReadAsStringAsync();

        var files = await FilesAsync(layouts);
        var run = await CliRun.Of(["assess", "compare", .. files.SelectMany(f => new[] { "--file", f }), "--format", "csv", "--year", "2026", "--flicker-year", "2026"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        // The columns are named by each layout's own name in both; the tall turbine has the larger capacity (4.2 against 0.8 MW).
        var lines = service.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure_id,measure,unit,status,better,A: tall,B: short,best,differences", lines[0]);
        Assert.StartsWith("capacity-mw,installed capacity,MW,layout,higher,4.2,0.8,A,", lines.Single(l => l.StartsWith("capacity-mw,", StringComparison.Ordinal)));
        Assert.Equal(service, run.Output);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string query = "")
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await factory.CreateClient().PostAsync($"/api/assess/compare?{query}", content);
    }

    /// <summary>Each layout in a file of its own (named by its place), as the command line takes them.</summary>
    private async Task<string[]> FilesAsync(string[] layouts)
    {
        var files = new string[layouts.Length];
        for (var i = 0; i < layouts.Length; i++)
        {
            files[i] = Path.Combine(_folder, $"layout-{i}.geojson");
            await File.WriteAllTextAsync(files[i], layouts[i]);
        }
        return files;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
