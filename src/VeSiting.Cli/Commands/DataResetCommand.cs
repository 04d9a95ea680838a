using VeSiting.Core.Explanations;
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
        var now = Reason.Of(editions.BuiltIn.Sources.Any(s => s.Id == settings.Source) ? "cli.data-reset-built-in" : "cli.data-reset-no-file");
        console.Output.WriteLine((removed is null
            ? Reason.Of("cli.data-reset-already", ("source", settings.Source), ("now", now))
            : Reason.Of("cli.data-reset-removed", ("source", settings.Source), ("file", removed.OriginalName), ("added", DateOnly.FromDateTime(removed.AddedAt.DateTime)), ("now", now))).Rendered);
        return ExitCodes.Ok;
    }
}
