using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

public sealed class SitesCommandTests
{
    [Fact]
    public async Task Sites_for_a_municipality_come_ranked_with_criteria_in_json()
    {
        var run = await CliRun.Of("sites", "--profile", "ptx-oxygen", "--area", "municipality:0461", "--cell", "2000", "--format", "json", "--year", "2026");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(1, items[0].GetProperty("rank").GetInt32());
        Assert.True(items[0].TryGetProperty("power_price_dkk_kwh", out _));
        Assert.Contains("ptx-oxygen@1", json.RootElement.GetProperty("summary").GetProperty("profile").GetString());
        // Places, not cells: each with its cells, area and why (2 km cells: 400 ha each).
        Assert.All(items, i => Assert.Equal(i.GetProperty("cells").GetInt32() * 400.0, i.GetProperty("area_ha").GetDouble(), 6));
        Assert.StartsWith($"{items[0].GetProperty("cells").GetInt32()} contiguous cell(s) of 2,000 m", items[0].GetProperty("place").GetString());
    }

    [Fact]
    public async Task Csv_and_geopackage_carry_the_services_columns_and_the_places_outlines()
    {
        string[] common = ["sites", "--profile", "ptx-oxygen", "--area", "municipality:0461", "--cell", "2000", "--limit", "5", "--year", "2026"];
        var json = await CliRun.Of([.. common, "--format", "json"]);
        var csv = await CliRun.Of([.. common, "--format", "csv"]);
        var path = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.gpkg");
        var gpkg = await CliRun.Of([.. common, "--format", "gpkg", "-o", path]);
        try
        {
            Assert.True(csv.ExitCode == ExitCodes.Ok, csv.ToString());
            Assert.True(gpkg.ExitCode == ExitCodes.Ok, gpkg.ToString());
            var items = JsonDocument.Parse(json.Output).RootElement.GetProperty("items").EnumerateArray().ToList();
            // The columns of /api/sites?format=csv: cells, area_ha and place_why, a row per listed site as the table has them.
            var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("rank,site,e,n,score,cells,area_ha,", lines[0]);
            Assert.EndsWith(",place_why,excluded_because", lines[0].TrimEnd('\r'));
            Assert.Equal(items.Count, lines.Length - 1);
            Assert.StartsWith($"1,{items[0].GetProperty("site").GetString()},", lines[1]);
            Assert.Contains($",{items[0].GetProperty("cells").GetInt32()},{items[0].GetProperty("area_ha").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)},", lines[1]);
            Assert.Contains("contiguous cell(s) of 2,000 m", lines[1]);
            Assert.Contains("Data: ", csv.Error);
            // The GeoPackage read back with GDAL: one polygon per place, with its cells, area and why.
            var info = OgrInfo("-ro", "-al", "-q", path);
            Assert.Equal(items.Count, info.Split("OGRFeature(sites)").Length - 1);
            Assert.Contains($"cells (Integer64) = {items[0].GetProperty("cells").GetInt32()}", info);
            Assert.Contains("place_why (String) = ", info);
            Assert.Contains("POLYGON ((", info);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string OgrInfo(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output;
    }

    [Fact]
    public async Task A_bad_separation_names_the_option()
    {
        var run = await CliRun.Of("sites", "--separation", "-1");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--separation", run.Error);
    }

    [Theory]
    [InlineData(ExitCodes.Usage, "sites", "--profile", "unicorn")]
    [InlineData(ExitCodes.Usage, "sites", "--cell", "5")]
    [InlineData(ExitCodes.Usage, "sites", "--area", "atlantis")]
    [InlineData(ExitCodes.NotFound, "sites", "--area", "municipality:999")]
    [InlineData(ExitCodes.Usage, "sites", "--points", "schools")]
    [InlineData(ExitCodes.Usage, "sites", "--separation", "-1")]
    [InlineData(ExitCodes.Usage, "sites", "--tolerance", "500")]
    public async Task Bad_siting_arguments_are_clear_errors(int exitCode, params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.DoesNotContain("   at ", run.Error);
    }
}

public sealed class ClassifyCommandTests
{
    [Fact]
    public async Task Classify_streams_every_address_with_its_nearest_plant_and_ring()
    {
        var run = await CliRun.Of("classify", "--municipality", "326");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 78, lines.Length); // 78 Kalundborg addresses in the DAR sample
        Assert.Contains("classified against", run.Error);
        Assert.Contains("peak memory", run.Error);
    }

    [Fact]
    public async Task Classify_writes_a_geopackage_when_the_output_ends_in_gpkg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-classify-{Guid.NewGuid():N}.gpkg");
        try
        {
            var run = await CliRun.Of("classify", "--synthetic", "--count", "2000", "-o", path);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*), min(synthetic), sum(dwelling_id LIKE 'synthetic:%') FROM classified_dwellings";
            using var reader = count.ExecuteReader();
            reader.Read();
            Assert.InRange(reader.GetInt64(0), 1990, 2010); // rounded per municipality
            Assert.Equal(1, reader.GetInt64(1));             // every row labelled synthetic
            Assert.Equal(reader.GetInt64(0), reader.GetInt64(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Synthetic_dwellings_are_labelled_synthetic()
    {
        var run = await CliRun.Of("classify", "--synthetic", "--count", "2000");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",synthetic", lines[0].TrimEnd('\r'));
        Assert.All(lines.Skip(1), l => Assert.StartsWith("synthetic:", l));
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",true", l.TrimEnd('\r')));
        Assert.InRange(lines.Length - 1, 1990, 2010); // rounded per municipality
    }
}

public sealed class ScenarioImpactCommandTests
{
    [Fact]
    public async Task Impact_of_two_scenarios_comes_per_zone_and_municipality()
    {
        var run = await CliRun.Of("scenario", "impact", "--area", "municipality:0326", "--scenario", "banded-distance", "--scenario", "capacity-weighted", "--format", "json", "--year", "2026");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        // Each scenario's zones (three and "outside") hold every household of the municipality once.
        foreach (var scenario in new[] { "banded-distance", "capacity-weighted" })
        {
            var rows = items.Where(i => i.GetProperty("scenario").GetString() == scenario).ToList();
            Assert.Equal(4, rows.Count);
            Assert.True(rows.Sum(r => r.GetProperty("households").GetInt64()) >= 78); // the 78 Kalundborg addresses of the DAR sample
        }
    }

    [Fact]
    public async Task An_unknown_area_is_a_usage_error()
    {
        var run = await CliRun.Of("scenario", "impact", "--area", "atlantis");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--area", run.Error);
    }
}
