using System.Collections.Concurrent;

namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// The expensive parts of a national impact, kept for one data edition: the country's households (real or synthetic) and
/// every household's zone under each scenario. An area (a region, a municipality) is then a filter over them. A new data
/// edition (another <c>dataVersion</c>) empties the cache. Safe for concurrent use; each entry is computed once.
/// </summary>
public sealed class ProposalImpactCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _dataVersion;

    /// <summary>How many zonings were computed (not read from the cache): a hit leaves it unchanged.</summary>
    public int Computations => _computations;
    private int _computations;

    /// <summary>The entry <paramref name="key"/> of <paramref name="dataVersion"/>, computed by <paramref name="compute"/> the first time only.</summary>
    public async Task<T> GetAsync<T>(string dataVersion, string key, Func<Task<T>> compute) where T : class
    {
        lock (_gate)
        {
            if (_dataVersion != dataVersion)
            {
                _entries.Clear();
                _dataVersion = dataVersion;
            }
        }
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () =>
        {
            Interlocked.Increment(ref _computations);
            return await compute();
        }));
        try
        {
            return (T)await entry.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}
