using System.Net;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Tests;

namespace VeSiting.Api.Tests.Contract;

/// <summary>
/// A refusal both front ends must give: its kind (HTTP status; CLI exit code), the service's field, what the command line
/// names before the reason (the option; null: nothing) and the reason.
/// </summary>
public sealed record Refused(HttpStatusCode Status, int ExitCode, string Field, string? Option, string Reason)
{
    public static Refused Invalid(string field, string? option, string reason) => new(HttpStatusCode.BadRequest, ExitCodes.Usage, field, option, reason);

    public static Refused NotFound(string field, string reason) => new(HttpStatusCode.NotFound, ExitCodes.NotFound, field, null, reason);

    /// <summary>The command line's first error line says the option and the reason (after "not found:" or "error:"), with nothing on standard output.</summary>
    public async Task AssertCliRefusesAsync(string name, string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.True(run.ExitCode == ExitCode, $"{name}: {run}");
        var line = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var said = Option is null ? Reason : $"{Option}: {Reason}";
        Assert.Equal(ExitCode == ExitCodes.NotFound ? $"not found: {said}" : $"error: {said}", line);
        Assert.Equal("", run.Output);
    }
}
