namespace VeSiting.Core.Stores;

/// <summary>
/// Imports started over HTTP and how they went, kept where every service instance sees them: in memory for the
/// embedded engine (one instance), in a table when instances share a PostGIS database. Whatever starts an import
/// (a refetch, an upload) records its job here.
/// </summary>
public interface IImportJobHistory
{
    /// <summary>Records the job's current state, replacing the previous record with its id.</summary>
    Task SaveAsync(ImportJobRecord job, CancellationToken cancellationToken = default);

    Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The most recent jobs, newest first.</summary>
    Task<IReadOnlyList<ImportJobRecord>> ListAsync(int limit, CancellationToken cancellationToken = default);
}

/// <summary>One import: where it is (queued, fetching, importing, indexing, succeeded, failed), rows so far and the outcome.</summary>
public sealed record ImportJobRecord(
    string Id,
    string Store,
    string Stage,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string PreviousVersion,
    string? DataVersion,
    string? Error,
    IReadOnlyDictionary<string, long> Progress,
    string? AddedSource = null,
    string? AddedFile = null)
{
    public bool Finished => Stage is "succeeded" or "failed";
}
