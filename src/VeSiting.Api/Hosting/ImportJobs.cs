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

    /// <summary>Starts an import, or returns null when one is already running.</summary>
    public ImportJob? TryStart()
    {
        if (!_one.Wait(0))
            return null;
        var job = new ImportJob(Guid.NewGuid().ToString("n")[..12], data.StoreKind, data.Store.Version.Id);
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(job);
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
                job.FinishedAt = DateTimeOffset.UtcNow;
                _one.Release();
            }
        });
        return job;
    }

    private async Task RunAsync(ImportJob job)
    {
        job.Stage = "fetching";
        var dataSet = await data.LoadDataSetAsync(new Progress<Data.Sources.FetchProgress>(p => job.Report($"fetch:{p.SourceId}", p.BytesDone)), CancellationToken.None);
        foreach (var report in dataSet.Reports)
            job.Report($"read:{report.SourceId}", report.Records);
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
