namespace VeSiting.Cli.Infrastructure;

/// <summary>
/// Where the CLI writes: answers to standard output (plain text for JSON/CSV/GeoJSON, a rendered console
/// for tables) and progress, timings and notes to standard error, so piped output stays clean.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Answer = Create(output, interactive);
        Status = Create(error, interactive);
    }

    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public bool Interactive { get; }
    /// <summary>Renders tables to standard output.</summary>
    public IAnsiConsole Answer { get; }
    /// <summary>Progress bars and notes on standard error.</summary>
    public IAnsiConsole Status { get; }

    public static CliConsole ForProcess() =>
        new(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>Width when writing to a file or pipe: wide enough that tables and messages are not wrapped.</summary>
    private const int RedirectedWidth = 240;

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
            console.Profile.Width = RedirectedWidth;
        return console;
    }
}
