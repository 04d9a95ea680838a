using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>A refusal on the command line in its language: the option as typed, the reason and the error word in Danish.</summary>
public sealed class DanishRefusalCommandTests
{
    private static string FirstErrorLine(CliRun run) => run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    [Fact]
    public async Task Lang_da_refuses_a_latitude_out_of_range_in_danish()
    {
        var run = await CliRun.Of("--lang", "da", "assess", "site", "--lat", "99", "--lon", "10");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("fejl: --lat: '99' er ikke en breddegrad: værdien skal ligge mellem -90 og 90", FirstErrorLine(run));
        Assert.Contains("brug: vesiting <kommando> [tilvalg]", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task In_english_the_same_refusal_is_unchanged()
    {
        var run = await CliRun.Of("assess", "site", "--lat", "99", "--lon", "10");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("error: --lat: '99' is not a latitude (from -90 to 90)", FirstErrorLine(run));
    }

    [Fact]
    public async Task The_language_variable_makes_a_consumption_refusal_danish()
    {
        var run = await CliRun.WithEnvironment(new Dictionary<string, string> { ["VESITING_LANG"] = "da" },
            "assess", "site", "--lat", "55.68", "--lon", "12.57", "--customer", "farm");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("fejl: --customer: 'farm' er hverken household eller firm", FirstErrorLine(run));
    }

    [Fact]
    public async Task Not_found_is_ikke_fundet()
    {
        var run = await CliRun.Of("--lang", "da", "assess", "site", "--building", "no-such-building");
        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
        Assert.Equal("ikke fundet: ingen bygning med id eller BBR-id 'no-such-building'", FirstErrorLine(run));
    }
}
