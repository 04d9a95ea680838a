using System.Collections.Concurrent;
using VeSiting.Core.Stores;

namespace VeSiting.Data.Importers;

/// <summary>Import jobs of a single instance (the embedded engine), kept until it stops.</summary>
public sealed class InMemoryImportJobHistory : IImportJobHistory
{
    private readonly ConcurrentDictionary<string, ImportJobRecord> _jobs = new();

    public Task SaveAsync(ImportJobRecord job, CancellationToken cancellationToken = default)
    {
        _jobs[job.Id] = job;
        return Task.CompletedTask;
    }

    public Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_jobs.GetValueOrDefault(id));

    public Task<IReadOnlyList<ImportJobRecord>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ImportJobRecord>>(_jobs.Values.OrderByDescending(j => j.StartedAt).ThenBy(j => j.Id, StringComparer.Ordinal).Take(limit).ToList());
}
