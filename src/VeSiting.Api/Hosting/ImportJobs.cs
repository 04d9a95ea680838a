using System.Collections.Concurrent;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;

namespace VeSiting.Api.Hosting;

/// <summary>One import run started over HTTP: what it is doing now, and how it ended.</summary>
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
}

/// <summary>
/// Runs imports started over HTTP, one at a time, in the background: fetch every source (checksums verified), read
/// them, then either index them in the embedded engine and switch to them, or copy them into PostGIS in one
/// transaction. Whatever fails, the previous data version keeps serving.
/// </summary>
public sealed class ImportJobs(ServiceData data, ILogger<ImportJobs> logger)
{
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<ImportJob> All => _jobs.Values.OrderByDescending(j => j.StartedAt).ToList();

    /// <summary>
    /// Starts an import, or returns null when one is already running. With an upload, the file is first checked with its
    /// source's importer and becomes the source's current edition only once both the data set and the store have switched.
    /// </summary>
    public ImportJob? TryStart(ImportUpload? upload = null)
    {
        if (!_one.Wait(0))
            return null;
        var job = new ImportJob(Guid.NewGuid().ToString("n")[..12], data.StoreKind, data.Store.Version.Id)
        {
            AddedSource = upload?.SourceId,
            AddedFile = upload?.OriginalName,
        };
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
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
                _one.Release();
            }
        });
        return job;
    }

    /// <summary>Checks the uploaded file, loads the data set with it in place, switches the store, and only then records the new edition.</summary>
    private async Task RunUploadAsync(ImportJob job, ImportUpload upload)
    {
        job.Stage = "checking";
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
        var dataSet = await data.LoadDataSetAsync(new Progress<Data.Sources.FetchProgress>(p => job.Report($"fetch:{p.SourceId}", p.BytesDone)), CancellationToken.None, manifest);
        foreach (var report in dataSet.Reports)
        {
            job.Report($"read:{report.SourceId}", report.Records);
            if (report.Skipped > 0)
                job.Report($"skipped:{report.SourceId}", report.Skipped);
        }
        if (data.ConnectionString is { } connectionString)
        {
            job.Stage = "importing";
            await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
            var summary = await new PostGisImporter(dataSource).ImportAsync(dataSet, new Progress<ImportProgress>(p => job.Report($"copy:{p.Table}", p.Rows)));
            if (data.Store is PostGisSpatialStore store)
                await store.RefreshVersionAsync();
            job.DataVersion = summary.DataVersion;
            return;
        }
        job.Stage = "indexing";
        data.ReplaceEmbedded(dataSet);
        job.DataVersion = dataSet.Version.Id;
    }
}
