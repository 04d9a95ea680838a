using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it writes and returns.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> Of(params string[] args) => At(null, args);

    /// <summary>Runs with <paramref name="time"/> as the command line's clock (null: the system's).</summary>
    public static async Task<CliRun> At(TimeProvider? time, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, interactive: false), time: time);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
