using System.Diagnostics;
using VeSiting.Core.Explanations;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Cli.Infrastructure;

/// <summary>Opens the project's manifest and cache, fetches what is missing, and loads the embedded store; knows what day it is.</summary>
public sealed class DataContext(CliConsole console, TimeProvider time)
{
    /// <summary>Today on this machine's clock: the date whose rules are in force unless --today says otherwise.</summary>
    public DateOnly Today => time.Today();

    /// <summary>Now on this machine's clock (when a file is added).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The sources in use: the built-in manifest with the user's added files (the cache's overlay) laid over it.</summary>
    public (SourceManifest Manifest, DataFetcher Fetcher, ProjectLayout Layout) OpenSources(DataSettings settings)
    {
        var layout = ProjectLayout.Locate();
        var (manifest, fetcher) = DefaultData.Sources(layout, settings.Cache, settings.Mirrors);
        return (manifest, fetcher, layout);
    }

    /// <summary>The built-in manifest and the overlay of added files in the settings' cache folder.</summary>
    public SourceEditions OpenEditions(DataSettings settings) => DefaultData.Editions(ProjectLayout.Locate(), settings.Cache);

    /// <summary>The store the settings select: PostGIS when a connection string is given, else the embedded engine.</summary>
    public async Task<ISpatialStore> OpenStoreAsync(DataSettings settings, CancellationToken cancellationToken)
    {
        if (settings.DatabaseOrEnvironment is not { } connectionString)
            return await LoadStoreAsync(settings, cancellationToken);
        var clock = Stopwatch.StartNew();
        var store = await PostGisSpatialStore.OpenAsync(connectionString, log: message => console.Status.MarkupLineInterpolated($"[yellow]{message}[/]"), cancellationToken: cancellationToken);
        if (settings.Verbose)
            console.Status.MarkupLineInterpolated($"[grey]Connected to PostGIS at {PostGisConnection.Describe(connectionString)}, data version {store.Version.Id}, in {clock.Elapsed.TotalSeconds:0.00} s.[/]");
        return store;
    }

    /// <summary>The whole data set from the cache (fetched first where missing), checked; for the embedded store and for imports.</summary>
    public async Task<DataSet> LoadDataSetAsync(DataSettings settings, CancellationToken cancellationToken)
    {
        var (manifest, fetcher, layout) = OpenSources(settings);
        if (manifest.Sources.Any(s => !fetcher.IsCached(s)))
        {
            console.Status.MarkupLine("[grey]Data not in the cache yet: fetching it first.[/]");
            await FetchWithProgressAsync(fetcher, manifest, cancellationToken);
        }
        var clock = Stopwatch.StartNew();
        var data = await DefaultData.LoadAsync(layout, settings.Cache, settings.Mirrors, cancellationToken: cancellationToken, manifest: manifest);
        if (settings.Verbose)
        {
            console.Status.MarkupLineInterpolated($"[grey]Loaded data version {data.Version.Id} in {clock.Elapsed.TotalSeconds:0.00} s.[/]");
            foreach (var report in data.Reports)
                console.Status.MarkupLineInterpolated($"[grey]  {report.SourceId}: {report.Records} records, {report.Skipped} rows skipped, {report.Notes} notes ({report.Elapsed.TotalSeconds:0.00} s)[/]");
        }
        return data;
    }

    public async Task<EmbeddedSpatialStore> LoadStoreAsync(DataSettings settings, CancellationToken cancellationToken)
    {
        var data = await LoadDataSetAsync(settings, cancellationToken);
        var clock = Stopwatch.StartNew();
        var store = new EmbeddedSpatialStore(data);
        if (settings.Verbose)
            console.Status.MarkupLineInterpolated($"[grey]Indexed in {clock.Elapsed.TotalSeconds:0.00} s.[/]");
        return store;
    }

    public async Task<IReadOnlyList<FetchOutcome>> FetchWithProgressAsync(DataFetcher fetcher, SourceManifest manifest, CancellationToken cancellationToken)
    {
        var outcomes = new List<FetchOutcome>();
        if (!console.Interactive)
        {
            // Logs and pipes get one line per source instead of redrawn bars.
            foreach (var source in manifest.Sources)
            {
                var outcome = await fetcher.FetchAsync(source, null, cancellationToken);
                console.Status.MarkupLineInterpolated($"{Reason.About(source.Id, outcome.AlreadyCached ? Reason.Of("cli.data-already-cached") : Reason.Of("cli.data-fetched-from", ("from", outcome.ObtainedFrom))).Rendered}");
                outcomes.Add(outcome);
            }
            return outcomes;
        }
        await console.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .StartAsync(async progress =>
            {
                foreach (var source in manifest.Sources)
                {
                    var task = progress.AddTask(source.Id, maxValue: Math.Max(1, source.Bytes ?? 1));
                    var reporter = new Progress<FetchProgress>(p =>
                    {
                        if (p.BytesTotal is { } total && total > 0) task.MaxValue = total;
                        task.Value = p.BytesDone;
                    });
                    var outcome = await fetcher.FetchAsync(source, reporter, cancellationToken);
                    task.Value = task.MaxValue;
                    task.Description = $"{source.Id} [grey]({(outcome.AlreadyCached ? "cached" : "fetched")})[/]";
                    outcomes.Add(outcome);
                }
            });
        return outcomes;
    }
}
