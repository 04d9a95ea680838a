using System.Collections.Concurrent;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis.Import;

namespace VeSiting.Api.Hosting;

/// <summary>One import run started over HTTP on this instance: what it is doing now, and how it ended.</summary>
public sealed class ImportJob(string id, string store, string previousVersion)
{
    private readonly ConcurrentDictionary<string, long> _rows = new();
    public string Id { get; } = id;
    public string Store { get; } = store;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public string PreviousVersion { get; } = previousVersion;
    public volatile string Stage = "queued";
    public volatile string? Error;
    public volatile string? DataVersion;
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>For an upload: the source it becomes the current edition of, and the file's name.</summary>
    public string? AddedSource { get; init; }
    public string? AddedFile { get; init; }
    public IReadOnlyDictionary<string, long> Rows => _rows;
    public bool Finished => Stage is "succeeded" or "failed";

    public void Report(string what, long count) => _rows[what] = count;

    /// <summary>The job as recorded in the history every instance reads.</summary>
    public ImportJobRecord Snapshot() => new(Id, Store, Stage, StartedAt, FinishedAt, PreviousVersion, DataVersion, Error,
        new SortedDictionary<string, long>(_rows, StringComparer.Ordinal), AddedSource, AddedFile);
}

/// <summary>
/// Runs imports started over HTTP, one at a time per instance, in the background: fetch every source (checksums verified),
/// read them, then either index them in the embedded engine and switch to them, or copy them into PostGIS in one
/// transaction (imports from several instances take turns on the database's import lock). Whatever fails, the previous
/// data version keeps serving. Jobs are recorded in <see cref="ServiceData.ImportHistory"/> at every stage and about
/// once a second while rows are copied, so any instance answers for any import.
/// </summary>
public sealed class ImportJobs(ServiceData data, ILogger<ImportJobs> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken) => data.ImportHistory.FindAsync(id, cancellationToken);

    /// <summary>The most recent imports, newest first.</summary>
    public Task<IReadOnlyList<ImportJobRecord>> ListAsync(CancellationToken cancellationToken) => data.ImportHistory.ListAsync(100, cancellationToken);

    /// <summary>
    /// Starts an import, or returns null when one is already running on this instance. With an upload, the file is first
    /// checked with its source's importer and becomes the source's current edition only once both the data set and the
    /// store have switched.
    /// </summary>
    public async Task<ImportJob?> TryStartAsync(ImportUpload? upload, CancellationToken cancellationToken)
    {
        if (!_one.Wait(0))
            return null;
        var store = data.StoreIfLoaded ?? throw new InvalidOperationException("The data is not loaded yet.");
        var job = new ImportJob(Guid.NewGuid().ToString("n")[..12], data.StoreKind, store.Version.Id)
        {
            AddedSource = upload?.SourceId,
            AddedFile = upload?.OriginalName,
        };
        try
        {
            await data.ImportHistory.SaveAsync(job.Snapshot(), cancellationToken);
        }
        catch
        {
            _one.Release();
            throw;
        }
        _ = Task.Run(async () =>
        {
            using var reporting = new Timer(_ => _ = RecordAsync(job), null, ProgressInterval, ProgressInterval);
            try
            {
                if (upload is null)
                    await RunAsync(job);
                else
                    await RunUploadAsync(job, upload);
                job.Stage = "succeeded";
                logger.LogInformation("Import {Job} succeeded: data version {Version}", job.Id, job.DataVersion);
            }
            catch (Exception e)
            {
                job.Error = e.Message;
                job.Stage = "failed";
                logger.LogWarning("Import {Job} failed; data version {Version} keeps serving: {Reason}", job.Id, job.PreviousVersion, e.Message);
            }
            finally
            {
                upload?.Dispose();
                job.FinishedAt = DateTimeOffset.UtcNow;
                await reporting.DisposeAsync();
                await RecordAsync(job);
                _one.Release();
            }
        }, CancellationToken.None);
        return job;
    }

    /// <summary>Records the job; a history that cannot be written (the primary is down) is logged, never fails the import.</summary>
    private async Task RecordAsync(ImportJob job)
    {
        try
        {
            await data.ImportHistory.SaveAsync(job.Snapshot());
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Import {Job}: could not record stage {Stage}: {Reason}", job.Id, job.Stage, e.Message);
        }
    }

    /// <summary>Checks the uploaded file, loads the data set with it in place, switches the store, and only then records the new edition.</summary>
    private async Task RunUploadAsync(ImportJob job, ImportUpload upload)
    {
        job.Stage = "checking";
        await RecordAsync(job);
        var editions = data.Editions();
        var (added, _) = editions.Stage(upload.SourceId, upload.TemporaryPath, upload.OriginalName);
        try
        {
            await RunAsync(job, editions.Overlay.With(added).Apply(editions.BuiltIn));
        }
        catch
        {
            editions.Discard(added);
            throw;
        }
        editions.Record(added);
    }

    private async Task RunAsync(ImportJob job, Data.Sources.SourceManifest? manifest = null)
    {
        job.Stage = "fetching";
        await RecordAsync(job);
        var dataSet = await data.LoadDataSetAsync(new Progress<Data.Sources.FetchProgress>(p => job.Report($"fetch:{p.SourceId}", p.BytesDone)), CancellationToken.None, manifest);
        foreach (var report in dataSet.Reports)
        {
            job.Report($"read:{report.SourceId}", report.Records);
            if (report.Skipped > 0)
                job.Report($"skipped:{report.SourceId}", report.Skipped);
        }
        if (data.PostGis is { } database)
        {
            job.Stage = "importing";
            await RecordAsync(job);
            var summary = await new PostGisImporter(database.Writes).ImportAsync(dataSet, new Progress<ImportProgress>(p => job.Report($"copy:{p.Table}", p.Rows)));
            job.DataVersion = summary.DataVersion;
            if (data.StoreIfLoaded is IVersionedStore store)
                await RefreshUntilReplayedAsync(store);
            return;
        }
        job.Stage = "indexing";
        await RecordAsync(job);
        data.ReplaceEmbedded(dataSet);
        job.DataVersion = dataSet.Version.Id;
    }

    /// <summary>Switches to the new version once the servers reads go to have replayed it (a replica may be a moment behind the primary).</summary>
    private static async Task RefreshUntilReplayedAsync(IVersionedStore store)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await store.RefreshVersionAsync() && DateTime.UtcNow < deadline)
            await Task.Delay(200);
    }
}
