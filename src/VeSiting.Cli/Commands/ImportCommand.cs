using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting import --db …</c>: load every source into PostGIS in one transaction. The previous data
/// version keeps serving until the commit; a failed or interrupted import leaves it intact.
/// </summary>
public sealed class ImportCommand(CliConsole console, DataContext data, ResultRenderer renderer) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var connectionString = settings.RequiredConnectionString;
        var dataSet = await data.LoadDataSetAsync(settings, cancellationToken);
        await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
        await PostGisConnection.VerifyReachableAsync(dataSource, PostGisConnection.RetryPolicy.Default,
            message => console.Status.MarkupLineInterpolated($"[yellow]{message}[/]"), cancellationToken);

        var importer = new PostGisImporter(dataSource);
        ImportSummary summary;
        if (console.Interactive)
        {
            summary = null!;
            await console.Status.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var reporter = new Progress<ImportProgress>(p =>
                    {
                        if (!tasks.TryGetValue(p.Table, out var task))
                            tasks[p.Table] = task = progress.AddTask(p.Table, maxValue: Math.Max(1, p.Total));
                        task.Value = p.Rows;
                    });
                    summary = await importer.ImportAsync(dataSet, reporter, cancellationToken);
                });
        }
        else
        {
            var reporter = new Progress<ImportProgress>(p =>
            {
                if (p.Rows == p.Total)
                    console.Status.MarkupLineInterpolated($"{p.Table}: {p.Rows} rows copied");
            });
            summary = await importer.ImportAsync(dataSet, reporter, cancellationToken);
        }

        var result = new CliResult("Import into PostGIS", ["Table", "Rows"])
        {
            Attributions = dataSet.Attributions,
            DataVersion = summary.DataVersion,
        };
        result.Fact("Database", PostGisConnection.Describe(connectionString))
            .Fact("Committed in (s)", Math.Round(summary.Elapsed.TotalSeconds, 2));
        foreach (var (table, rows) in summary.RowCounts)
            result.Row(null, table, rows);
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
