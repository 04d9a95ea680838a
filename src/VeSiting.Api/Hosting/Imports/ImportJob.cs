using System.Collections.Concurrent;

namespace VeSiting.Api.Hosting.Imports;

/// <summary>One import run started over HTTP on this instance: what it is doing now, and how it ended.</summary>
public sealed class ImportJob(string id, string store, string previousVersion, DateTimeOffset startedAt)
{
    private readonly ConcurrentDictionary<string, long> _rows = new();
    public string Id { get; } = id;
    public string Store { get; } = store;
    public DateTimeOffset StartedAt { get; } = startedAt;
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
