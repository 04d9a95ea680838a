using System.Security.Cryptography;
using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

/// <summary><c>data add</c>, <c>data sources</c> and <c>data reset</c> on a cache folder of their own; geodata/ is never written.</summary>
public sealed class DataAddCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-data-add-").FullName;
    private string Cache => Path.Combine(_folder, "cache");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string GeodataFingerprint()
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var files = Directory.EnumerateFiles(geodata, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return string.Join('\n', files.Select(f => $"{f}:{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));
    }

    [Fact]
    public async Task Add_shows_in_sources_and_reset_goes_back_without_touching_geodata()
    {
        var before = GeodataFingerprint();
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n");

        var add = await CliRun.Of("data", "add", "permit-dates", permits, "--cache", Cache, "--format", "json");
        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        Assert.Contains("\"records_read\": 1", add.Output);

        var sources = await CliRun.Of("data", "sources", "--cache", Cache, "--format", "csv");
        var line = Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("permit-dates,"));
        Assert.Contains("from permits.csv", line);
        Assert.Contains(",built-in,", Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("ens-wind-register,")));
        Assert.True(File.Exists(Path.Combine(Cache, SourceOverlay.FileName)));

        var reset = await CliRun.Of("data", "reset", "permit-dates", "--cache", Cache);
        Assert.True(reset.ExitCode == ExitCodes.Ok, reset.ToString());
        Assert.Contains("permits.csv", reset.Output);
        var after = await CliRun.Of("data", "sources", "--cache", Cache, "--format", "csv");
        Assert.Contains("none (optional)", Assert.Single(after.Output.Split('\n'), l => l.StartsWith("permit-dates,")));
        Assert.Equal(before, GeodataFingerprint());
    }

    [Fact]
    public async Task The_import_report_is_danish_with_lang_da()
    {
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n");

        var add = await CliRun.Of("--lang", "da", "data", "add", "permit-dates", permits, "--cache", Cache);

        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        Assert.Contains("permits.csv er tilføjet som den gældende udgave af permit-dates", add.Output);
        Assert.Contains("Poster læst", add.Output);
        Assert.Contains("Rækker sprunget over", add.Output);
        Assert.Contains("Gå tilbage med", add.Output);
        Assert.DoesNotContain("Records read", add.Output);
        Assert.DoesNotContain("as the current edition", add.Output);
    }

    [Fact]
    public async Task A_bad_file_is_refused_naming_file_row_and_column_and_nothing_is_recorded()
    {
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n570715000000000001,20/11/1996\n");

        var run = await CliRun.Of("data", "add", "permit-dates", permits, "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("permits.csv row 3 column 'permit_date': '20/11/1996' is not a date in the form yyyy-MM-dd", run.Error);
        Assert.False(File.Exists(Path.Combine(Cache, SourceOverlay.FileName)));
    }

    [Fact]
    public async Task An_unknown_source_lists_the_sources()
    {
        var run = await CliRun.Of("data", "add", "wind", Write("x.csv", "a"), "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("no source 'wind'", run.Error);
        Assert.Contains("ens-wind-register", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
