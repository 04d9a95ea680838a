using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it writes and returns.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    private static readonly string[] LanguageVariables = ["LANG", "LC_ALL", "LC_MESSAGES", CliLanguage.Variable];

    /// <summary>Runs in English whatever the machine's locale (tests of other languages say theirs: <see cref="WithEnvironment"/>).</summary>
    public static Task<CliRun> Of(params string[] args) => Run(new Dictionary<string, string>(), null, args);

    /// <summary>Runs with <paramref name="time"/> as the command line's clock (null: the system's), in English.</summary>
    public static Task<CliRun> At(TimeProvider? time, params string[] args) => Run(new Dictionary<string, string>(), time, args);

    /// <summary>Runs with the given language variables (LANG, LC_ALL, LC_MESSAGES, VESITING_LANG); other variables are the process's.</summary>
    public static Task<CliRun> WithEnvironment(IReadOnlyDictionary<string, string> language, params string[] args) => Run(language, null, args);

    private static async Task<CliRun> Run(IReadOnlyDictionary<string, string> language, TimeProvider? time, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, interactive: false),
            name => LanguageVariables.Contains(name) ? language.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name), time: time);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
