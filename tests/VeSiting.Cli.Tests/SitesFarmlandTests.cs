using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting sites</c> with a farmland criterion over a polygon layer of the user's (a hand-made field).</summary>
public sealed class SitesFarmlandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-farmland-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_field_gives_its_cells_their_covered_shares_and_a_missing_layer_is_named()
    {
        var profile = Path.Combine(_folder, "farm.json");
        await File.WriteAllTextAsync(profile, """
            { "id": "farm-test", "version": "1", "title": "farmland test", "scenario": "banded-distance",
              "consumption": { "annualKwh": 1000000, "timeOfUse": { "low": 0.3, "high": 0.55, "peak": 0.15 } },
              "criteria": [ { "criterion": "farmland", "weight": 1, "worst": 0, "best": 1, "layer": "fields", "optional": true },
                            { "criterion": "heat-distance", "weight": 0.001, "worst": 20000, "best": 0 } ] }
            """);
        // Heat distance weighs a thousandth of farmland: it only orders the cells without farmland.
        // 1.5 × 1 km in central Odense: the 1 km cell 588000_6140000 wholly, the one east of it half.
        var fields = Path.Combine(_folder, "fields.geojson");
        await File.WriteAllTextAsync(fields, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[
            {"type":"Feature","properties":{"id":"field-1"},"geometry":{"type":"Polygon","coordinates":[[[588000,6140000],[589500,6140000],[589500,6141000],[588000,6141000],[588000,6140000]]]}}]}
            """);

        // Cells, not places (separation 0, tolerance 0: each cell its own site), so the two neighbouring cells are both listed.
        var run = await CliRun.Of("sites", "--profile-file", profile, "--points", $"fields={fields}", "--area", "municipality:0461", "--cell", "1000", "--format", "json", "--year", "2026", "--limit", "2",
            "--separation", "0", "--tolerance", "0");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["588000_6140000", "589000_6140000"], items.Select(i => i.GetProperty("site").GetString()));
        Assert.Equal([1.0, 0.5], items.Select(i => i.GetProperty("farmland_share").GetDouble()));

        var without = await CliRun.Of("sites", "--profile-file", profile, "--points", $"other={fields}", "--area", "municipality:0461", "--cell", "1000", "--format", "json", "--year", "2026", "--limit", "1");
        Assert.True(without.ExitCode == ExitCodes.Ok, without.ToString());
        using var notes = JsonDocument.Parse(without.Output);
        Assert.Contains("missing layers: fields", notes.RootElement.GetProperty("summary").GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }
}
