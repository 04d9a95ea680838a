using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting assess compare</c>: two layout files side by side as JSON and CSV, and its usage errors.</summary>
public sealed class AssessCompareCommandTests : IDisposable
{
    private static readonly string[] Fixed = ["--year", "2026", "--today", "2026-11-26", "--flicker-year", "2026"];
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One turbine west of Høng (user journey 1's position), named; H = hub + rotor / 2.</summary>
    private string Layout(string name, double hub, double rotor, double kw)
    {
        var path = Path.Combine(_folder, $"{name}.geojson");
        File.WriteAllText(path, $$$"""
            {"type":"FeatureCollection","name":"{{{name}}}","permit_date":"2026-06-01","features":[
             {"type":"Feature","properties":{"id":"T1","hub_height_m":{{{hub}}},"rotor_diameter_m":{{{rotor}}},"capacity_kw":{{{kw}}}},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
            """);
        return path;
    }

    [Fact]
    public async Task Two_files_give_one_row_per_measure_with_the_taller_turbines_rings_holding_at_least_as_many_homes()
    {
        // Same position: A has H = 95 + 110 / 2 = 150 m, B H = 60 + 50 / 2 = 85 m; every ring of A contains B's ring of the same multiple.
        var run = await CliRun.Of(["assess", "compare", "--file", Layout("tall", 95, 110, 4200), "--file", Layout("short", 60, 50, 800), "--format", "json", .. Fixed]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("measure").GetString()!);
        Assert.Equal("4.2 *", items["installed capacity"].GetProperty("a_tall").GetString());
        Assert.Equal("0.8", items["installed capacity"].GetProperty("b_short").GetString());
        foreach (var k in new[] { "4", "6", "8" })
        {
            var ring = items[$"dwellings within {k} × H"];
            var a = double.Parse(ring.GetProperty("a_tall").GetString()!.TrimEnd(' ', '*'), System.Globalization.CultureInfo.InvariantCulture);
            var b = double.Parse(ring.GetProperty("b_short").GetString()!.TrimEnd(' ', '*'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(a >= b, $"{k} × H: {a} < {b}");
        }
        Assert.Contains(json.RootElement.GetProperty("sections").GetProperty("differences").GetProperty("items").EnumerateArray(),
            d => d.GetProperty("why").GetString() == "Layout A: installed capacity 3.4 MW higher than layout B (4.2 against 0.8 MW)");
    }

    [Fact]
    public async Task In_danish_a_layout_is_an_opstilling_throughout_and_the_fixed_words_are_danish()
    {
        var run = await CliRun.Of(["--lang", "da", "assess", "compare", "--file", Layout("tall", 95, 110, 4200), "--file", Layout("short", 60, 50, 800), .. Fixed]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        // 4200 kW − 800 kW = 3.4 MW, written the Danish way; the label table no longer turns only the sentence's first "Layout" Danish.
        Assert.Contains("Opstilling A: installeret effekt 3,4 MW højere end opstilling B (4,2 mod 0,8 MW)", run.Output);
        Assert.DoesNotContain("end layout", run.Output);
        Assert.Contains("Opstilling A: tall: 1 anlæg, 4,2 MW; tilladelsesdato 2026-06-01", run.Output);
        Assert.Contains("højere", run.Output);
        Assert.DoesNotContain("plant(s)", run.Output);
    }

    [Fact]
    public async Task Csv_has_the_layouts_as_columns()
    {
        var run = await CliRun.Of(["assess", "compare", "--file", Layout("tall", 95, 110, 4200), "--file", Layout("short", 60, 50, 800), "--format", "csv", .. Fixed]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure_id,measure,unit,status,better,A: tall,B: short,best,differences", lines[0]);
        Assert.StartsWith("turbines,wind turbines,turbines,layout,neither,1,1,,", lines[1]);
    }

    [Theory]
    [InlineData("--file", "one")]
    [InlineData("--file", "one", "--project", "p")]
    public async Task One_layout_or_files_with_projects_are_usage_errors(params string[] args)
    {
        var file = Layout("one", 95, 110, 4200);
        var run = await CliRun.Of(["assess", "compare", .. args.Select(a => a == "one" ? file : a)]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
    }
}
