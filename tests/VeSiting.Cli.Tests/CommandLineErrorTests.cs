using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>Bad arguments give a one-line error, a usage hint and exit code 2; never a stack trace.</summary>
public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData("nearest", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("nearest")]
    [InlineData("nearest", "--lat", "56.2")]
    [InlineData("nearest", "--lat", "abc", "--lon", "9")]
    [InlineData("nearest", "--utm", "1 2")]
    [InlineData("nearest", "--utm", "638500")]
    [InlineData("nearest", "--lat", "48.85", "--lon", "2.35")]
    [InlineData("nearest", "--lat", "56", "--lon", "9", "--utm", "638500 6150500")]
    [InlineData("nearest", "--utm", "638500 6150500", "--format", "xml")]
    [InlineData("nearest", "--utm", "638500 6150500", "--count", "0")]
    [InlineData("plants", "--status", "sleeping")]
    [InlineData("plants", "--kind", "nuclear")]
    [InlineData("plants", "--connected-before", "31/12/2020")]
    [InlineData("neighbours")]
    [InlineData("neighbours", "--utm", "638500 6150500", "--hub", "95")]
    [InlineData("neighbours", "--utm", "638500 6150500", "--hub", "-95", "--rotor", "110")]
    [InlineData("neighbours", "--gsrn", "570715000000045608", "--multiples", "4,x")]
    public async Task Usage_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error:", lines[0]);
        Assert.Contains("usage:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task An_unknown_gsrn_exits_3()
    {
        var run = await CliRun.Of("neighbours", "--gsrn", "000000000000000000");
        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
        Assert.Contains("000000000000000000", run.Error);
    }

    [Fact]
    public async Task An_address_that_matches_nothing_exits_3()
    {
        var run = await CliRun.Of("nearest", "--address", "Nowhere Street 99999");
        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
    }
}
