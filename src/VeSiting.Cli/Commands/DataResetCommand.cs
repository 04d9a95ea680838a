namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting data reset &lt;source&gt;</c>: back to the built-in edition (an optional source goes out of use).</summary>
public sealed class DataResetCommand(CliConsole console, DataContext data) : Command<DataResetCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("The source to return to its built-in edition.")]
        public string Source { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var editions = data.OpenEditions(settings);
        var removed = editions.Reset(settings.Source);
        var now = editions.BuiltIn.Sources.Any(s => s.Id == settings.Source) ? "the built-in edition" : "no file (optional source, not loaded)";
        console.Output.WriteLine(removed is null
            ? $"{settings.Source}: already uses {now}."
            : $"{settings.Source}: {removed.OriginalName} (added {removed.AddedAt:yyyy-MM-dd}) removed; now uses {now}.");
        return ExitCodes.Ok;
    }
}
