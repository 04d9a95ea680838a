using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

public sealed class DataFetchCommandTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "vesiting-cli-cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Fetch_fills_an_empty_cache_from_the_mirror_then_finds_it_cached()
    {
        var first = await CliRun.Of("data", "fetch", "--cache", _cache, "--format", "csv");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(File.Exists(Path.Combine(_cache, "wind", "ens-stamdataregister-vindkraft-2022-01.xlsx")));
        // The eleven sources of geodata/sources.json, one per file of ../shared/geodata/SHA256SUMS (the ninth to eleventh:
        // district heating, the Samsø OpenStreetMap extract and the windwhisper sound power table, a reference file).
        Assert.Equal(11, first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("mirror ")));

        var second = await CliRun.Of("data", "fetch", "--cache", _cache, "--format", "csv");
        Assert.Equal(11, second.Output.Split('\n').Count(l => l.Contains("cache (checksum verified)")));
        Assert.Contains("Energistyrelsen", second.Error); // attribution travels with CSV on stderr
    }

    [Fact]
    public async Task Fetch_without_any_working_place_names_the_source_and_every_place_tried()
    {
        var run = await CliRun.Of("data", "fetch", "--cache", _cache, "--mirror", "/nonexistent/mirror");

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("Could not obtain source 'ens-wind-register'", run.Error);
        Assert.Contains("/nonexistent/mirror/wind/ens-stamdataregister-vindkraft-2022-01.xlsx", run.Error);
        Assert.Contains("upstream https://", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
            Directory.Delete(_cache, recursive: true);
    }
}
