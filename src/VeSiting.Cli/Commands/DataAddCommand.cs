using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Importing;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting data add &lt;source&gt; &lt;file&gt;</c>: checks the file with the source's importer, copies it into the cache
/// and makes it the source's current edition (recorded in the cache's overlay, never under geodata/).
/// </summary>
public sealed class DataAddCommand(DataContext data, ResultRenderer renderer) : Command<DataAddCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("The source the file is an edition of (see `vesiting data sources`), e.g. ens-wind-register, dar-addresses, permit-dates.")]
        public string Source { get; init; } = "";

        [CommandArgument(1, "<FILE>")]
        [Description("The file as published (or, for permit-dates and project-groupings, your own CSV).")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var editions = data.OpenEditions(settings);
        var (added, read) = editions.Stage(settings.Source, Path.GetFullPath(settings.File));
        editions.Record(added);

        var result = new CliResult($"Added {added.OriginalName} as the current edition of {added.SourceId}", ["Severity", "Sheet", "Row", "Column", "Reason"])
        {
            Attributions = editions.Current.Attributions([added.SourceId]),
        };
        result.Fact("Source", added.SourceId)
            .Fact("Records read", read.Records)
            .Fact("Rows skipped", read.Issues.Count(i => i.Severity == ImportIssueSeverity.Skipped))
            .Fact("Notes", read.Issues.Count(i => i.Severity == ImportIssueSeverity.Note))
            .Fact("SHA-256", added.Sha256)
            .Fact("Bytes", added.Bytes)
            .Fact("Kept at", Path.Combine(editions.CacheDirectory, added.File))
            .Fact("Go back with", $"vesiting data reset {added.SourceId}");
        foreach (var issue in read.Issues.Where(i => i.Severity != ImportIssueSeverity.Note).Take(MaxIssuesShown))
            result.Row(null, issue.Severity.ToString().ToLowerInvariant(), issue.Sheet, issue.Row, issue.Column, issue.Reason);
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }

    private const int MaxIssuesShown = 200;
}
