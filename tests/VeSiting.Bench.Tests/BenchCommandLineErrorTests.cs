using VeSiting.Cli.Infrastructure;

namespace VeSiting.Bench.Tests;

/// <summary>Bad arguments to the benchmark tool give a one-line error, a usage hint and exit code 2; never a stack trace.</summary>
public sealed class BenchCommandLineErrorTests
{
    [Theory]
    [InlineData("rate", "--paths", "points.txt")]
    [InlineData("rate", "--url", "ftp://127.0.0.1:5197", "--paths", "points.txt")]
    [InlineData("rate", "--url", "http://127.0.0.1:5197")]
    [InlineData("rate", "--url", "http://127.0.0.1:5197", "--paths", "points.txt", "--rate", "0")]
    [InlineData("tile-sql", "dwellings")]
    public async Task Usage_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BenchApp.RunAsync(args, new CliConsole(output, error, interactive: false));

        var run = $"exit {code}\n--- stdout\n{output}\n--- stderr\n{error}";
        Assert.True(code == ExitCodes.Usage, run);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error:", lines[0]);
        Assert.Contains("usage: bench/run", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Equal("", output.ToString());
    }
}
