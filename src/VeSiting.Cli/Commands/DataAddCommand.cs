using VeSiting.Core.Explanations;
using VeSiting.Core.Importing;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting data add &lt;source&gt; &lt;file&gt;</c>: checks the file with the source's importer, copies it into the cache
/// and makes it the source's current edition (recorded in the cache's overlay, never under geodata/).
/// </summary>
public sealed class DataAddCommand(CliConsole console, DataContext data, ResultRenderer renderer) : Command<DataAddCommand.Settings>
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
        var (added, read) = StageWithProgress(editions, settings);
        editions.Record(added);

        var result = new CliResult(Reason.Of("import.added", ("file", added.OriginalName), ("source", added.SourceId)).Rendered, ["Severity", "Sheet", "Row", "Column", "Reason"])
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
        // The embedded engine reads the cache at every command; a database holds what was last imported into it.
        if (settings.DatabaseOrEnvironment is { } database)
            result.Fact("PostGIS", Reason.Of("cli.data-postgis-previous", ("database", PostGisConnection.Describe(database))));
        foreach (var issue in read.Issues.Where(i => i.Severity != ImportIssueSeverity.Note).Take(MaxIssuesShown))
            result.Row(null, issue.SeverityWord, issue.Sheet, issue.Row, issue.Column, issue.Why);
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }

    private const int MaxIssuesShown = 200;

    /// <summary>Checks the file; a terminal shows a progress bar (the national address file takes a while), logs one line.</summary>
    private (AddedFile, SourceRead) StageWithProgress(SourceEditions editions, Settings settings)
    {
        var path = Path.GetFullPath(settings.File);
        if (!console.Interactive)
        {
            console.Status.WriteLine(Reason.Of("cli.data-checking-as", ("file", Path.GetFileName(path)), ("source", settings.Source)).Rendered);
            return editions.Stage(settings.Source, path, addedAt: data.Now);
        }
        (AddedFile, SourceRead) staged = default;
        console.Status.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(Reason.Of("cli.data-checking", ("file", Path.GetFileName(path))).Rendered), maxValue: 1);
                staged = editions.Stage(settings.Source, path, addedAt: data.Now, progress: new SynchronousProgress(f => task.Value = f));
                task.Value = 1;
            });
        return staged;
    }

    /// <summary>Reports on the reading thread (<see cref="Progress{T}"/> would post to a thread pool and arrive late).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
