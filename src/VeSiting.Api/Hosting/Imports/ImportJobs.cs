using System.Threading.Channels;
using VeSiting.Api.Hosting.Logging;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis.Import;

namespace VeSiting.Api.Hosting.Imports;

/// <summary>
/// Runs imports started over HTTP, one at a time per instance, as a hosted background service: fetch every source
/// (checksums verified), read them, then either index them in the embedded engine and switch to them, or copy them into
/// PostGIS in one transaction (imports from several instances take turns on the database's import lock). Whatever fails,
/// the previous data version keeps serving; when the application stops, a running import is cancelled and recorded as
/// failed. Jobs are recorded in <see cref="StoreHost.ImportHistory"/> at every stage and about once a second while rows
/// are copied, so any instance answers for any import.
/// </summary>
public sealed class ImportJobs(StoreHost stores, IImportReader reader, TimeProvider time, ILogger<ImportJobs> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReplayWait = TimeSpan.FromSeconds(30);
    /// <summary>How long a job's last record may take when the service is stopping.</summary>
    private static readonly TimeSpan FinalRecordWait = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Channel<(ImportJob Job, ImportUpload? Upload)> _queue = Channel.CreateBounded<(ImportJob, ImportUpload?)>(1);

    public Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken) => stores.ImportHistory.FindAsync(id, cancellationToken);

    /// <summary>The most recent imports, newest first.</summary>
    public Task<IReadOnlyList<ImportJobRecord>> ListAsync(CancellationToken cancellationToken) => stores.ImportHistory.ListAsync(100, cancellationToken);

    /// <summary>
    /// Starts an import, or returns null when one is already running on this instance. With an upload, the file is first
    /// checked with its source's importer and becomes the source's current edition only once both the data set and the
    /// store have switched.
    /// </summary>
    public async Task<ImportJob?> TryStartAsync(ImportUpload? upload, CancellationToken cancellationToken)
    {
        if (!_one.Wait(0))
            return null;
        var store = stores.StoreIfLoaded ?? throw new InvalidOperationException("The data is not loaded yet.");
        var job = new ImportJob(Guid.NewGuid().ToString("n")[..12], stores.StoreKind, store.Version.Id, time.GetUtcNow())
        {
            AddedSource = upload?.SourceId,
            AddedFile = upload?.OriginalName,
        };
        try
        {
            await stores.ImportHistory.SaveAsync(job.Snapshot(), cancellationToken);
            if (!_queue.Writer.TryWrite((job, upload)))
                throw new InvalidOperationException("The import queue is not accepting jobs (the service is stopping).");
        }
        catch
        {
            _one.Release();
            throw;
        }
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (job, upload) in _queue.Reader.ReadAllAsync(stoppingToken))
                await RunJobAsync(job, upload, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The application is stopping; a job queued but not begun is left as recorded ("queued").
        }
    }

    private async Task RunJobAsync(ImportJob job, ImportUpload? upload, CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reporting = ReportProgressAsync(job, running.Token);
        try
        {
            if (upload is null)
                await RunAsync(job, null, stoppingToken);
            else
                await RunUploadAsync(job, upload, stoppingToken);
            job.Stage = "succeeded";
            HostingLog.ImportSucceeded(logger, job.Id, job.DataVersion);
        }
        catch (Exception e)
        {
            job.Error = e is OperationCanceledException && stoppingToken.IsCancellationRequested ? "cancelled: the service stopped" : e.Message;
            job.Stage = "failed";
            HostingLog.ImportFailed(logger, job.Id, job.PreviousVersion, job.Error);
        }
        finally
        {
            upload?.Dispose();
            job.FinishedAt = time.GetUtcNow();
            await running.CancelAsync();
            await reporting;
            // Recorded even when the service is stopping (the stopping token is cancelled by then), but not waited for forever.
            using var last = new CancellationTokenSource(FinalRecordWait, time);
            try
            {
                await RecordAsync(job, last.Token);
            }
            catch (OperationCanceledException) when (last.IsCancellationRequested)
            {
                HostingLog.ImportNotRecorded(logger, job.Id, job.Stage, $"no answer from the import history within {FinalRecordWait.TotalSeconds:0} s");
            }
            finally
            {
                _one.Release();
            }
        }
    }

    /// <summary>Records the job about once a second while it runs, until <paramref name="cancellationToken"/> ends it.</summary>
    private async Task ReportProgressAsync(ImportJob job, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await RecordAsync(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The job has ended (or the service is stopping): its last record follows.
        }
    }

    /// <summary>Records the job; a history that cannot be written (the primary is down, or too slow while stopping) is logged, never fails the import.</summary>
    private async Task RecordAsync(ImportJob job, CancellationToken cancellationToken)
    {
        try
        {
            await stores.ImportHistory.SaveAsync(job.Snapshot(), cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            HostingLog.ImportNotRecorded(logger, job.Id, job.Stage, e.Message);
        }
    }

    /// <summary>Checks the uploaded file, loads the data set with it in place, switches the store, and only then records the new edition.</summary>
    private async Task RunUploadAsync(ImportJob job, ImportUpload upload, CancellationToken cancellationToken)
    {
        job.Stage = "checking";
        await RecordAsync(job, cancellationToken);
        var editions = stores.Editions();
        var (added, _) = editions.Stage(upload.SourceId, upload.TemporaryPath, upload.OriginalName, time.GetUtcNow());
        try
        {
            await RunAsync(job, editions.Overlay.With(added).Apply(editions.BuiltIn), cancellationToken);
        }
        catch
        {
            editions.Discard(added);
            throw;
        }
        editions.Record(added);
    }

    private async Task RunAsync(ImportJob job, SourceManifest? manifest, CancellationToken cancellationToken)
    {
        job.Stage = "fetching";
        await RecordAsync(job, cancellationToken);
        var dataSet = await reader.ReadAsync(manifest, new Progress<FetchProgress>(p => job.Report($"fetch:{p.SourceId}", p.BytesDone)), cancellationToken);
        foreach (var report in dataSet.Reports)
        {
            job.Report($"read:{report.SourceId}", report.Records);
            if (report.Skipped > 0)
                job.Report($"skipped:{report.SourceId}", report.Skipped);
        }
        if (stores.PostGis is { } database)
        {
            job.Stage = "importing";
            await RecordAsync(job, cancellationToken);
            var summary = await new PostGisImporter(database.Writes).ImportAsync(dataSet, new Progress<ImportProgress>(p => job.Report($"copy:{p.Table}", p.Rows)), cancellationToken);
            job.DataVersion = summary.DataVersion;
            if (stores.StoreIfLoaded is IVersionedStore store)
                await RefreshUntilReplayedAsync(store, cancellationToken);
            return;
        }
        job.Stage = "indexing";
        await RecordAsync(job, cancellationToken);
        stores.ReplaceEmbedded(dataSet);
        job.DataVersion = dataSet.Version.Id;
    }

    /// <summary>Switches to the new version once the servers reads go to have replayed it (a replica may be a moment behind the primary).</summary>
    private async Task RefreshUntilReplayedAsync(IVersionedStore store, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + ReplayWait;
        while (!await store.RefreshVersionAsync(cancellationToken) && time.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
    }
}
