using System.Text.Json;
using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting data add firms</c>: a firms layer checked, refused with file, row and column, and counted by the impact.</summary>
public sealed class FirmsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-firms-").FullName;
    private string Cache => Path.Combine(_folder, "cache");

    public FirmsCommandTests()
    {
        // A copy of the fetched sources without added files: the firms file becomes an edition of this cache only.
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(real, f).StartsWith(SourceOverlay.AddedFolder + Path.DirectorySeparatorChar) && !f.EndsWith(SourceOverlay.FileName)))
        {
            var target = Path.Combine(Cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_bad_firms_file_is_refused_naming_file_row_and_column()
    {
        var file = Write("firms.csv", "id,name,annual_kwh,lon,lat\nS1,Gartneri,900000,10.6087,55.8576\nS2,Mejeri,ukendt,10.6090,55.8580\n");

        var run = await CliRun.Of("data", "add", "firms", file, "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("firms.csv row 3 column 'annual_kwh': 'ukendt' is not a positive number of kWh a year", run.Error);
        Assert.Null(SourceOverlay.Load(Cache).Find("firms"));
    }

    [Fact]
    public async Task Added_with_a_database_configured_it_says_the_database_needs_an_import()
    {
        var file = Write("firms.csv", "id,name,annual_kwh,lon,lat\nS1,Gartneri,900000,10.6087,55.8576\n");

        // The database is not asked: adding only records the edition in the cache, which the database does not read.
        var run = await CliRun.Of("data", "add", "firms", file, "--cache", Cache, "--db", "Host=db.invalid;Database=vesiting;Username=u;Password=secret-password");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("still holds the previous data: load this edition into it with `vesiting import`", run.Output);
        Assert.DoesNotContain("secret-password", run.Output);
    }

    [Fact]
    public async Task A_firms_layer_added_is_counted_by_the_impact_in_its_municipality()
    {
        // Two firms in Langgade, Samsø (inside 0741's DAGI polygon: the positions of two real Samsø address nodes, rounded).
        var file = Write("firms.csv", "id,name,annual_kwh,cvr,lon,lat\nS1,Gartneri,900000,12345678,10.6087,55.8576\nS2,Mejeri,300000,,10.6090,55.8580\n");

        var added = await CliRun.Of("data", "add", "firms", file, "--cache", Cache, "--format", "json");
        Assert.True(added.ExitCode == ExitCodes.Ok, added.ToString());
        Assert.Contains("\"records_read\": 2", added.Output);

        var run = await CliRun.Of("scenario", "impact", "--area", "municipality:741", "--scenario", "banded-distance", "--cache", Cache, "--format", "json", "--year", "2026");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        // Both firms lie in Samsø and in some zone or outside: the zones hold 2 firms and 900,000 + 300,000 = 1,200,000 kWh.
        var zones = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, zones.Sum(z => z.GetProperty("firms").GetInt32()));
        Assert.Equal(1_200_000, zones.Sum(z => z.GetProperty("firm_kwh").GetDouble()));
        var samsoe = json.RootElement.GetProperty("sections").GetProperty("banded_distance_by_municipality").GetProperty("items").EnumerateArray().Single();
        Assert.Equal((2, 1_200_000.0), (samsoe.GetProperty("firms").GetInt32(), samsoe.GetProperty("firm_kwh").GetDouble()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
