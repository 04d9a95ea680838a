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
    }

    [Theory]
    [InlineData(ExitCodes.Usage, "sites", "--profile", "unicorn")]
    [InlineData(ExitCodes.Usage, "sites", "--cell", "5")]
    [InlineData(ExitCodes.Usage, "sites", "--area", "atlantis")]
    [InlineData(ExitCodes.NotFound, "sites", "--area", "municipality:999")]
    [InlineData(ExitCodes.Usage, "sites", "--points", "schools")]
    public async Task Bad_siting_arguments_are_clear_errors(int exitCode, params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.DoesNotContain("   at ", run.Error);
    }
}
