namespace VeSiting.Api.Hosting;

/// <summary>
/// A least-recently-used cache bounded by the bytes its entries hold, not by their count: one national raster of
/// 100 m cells weighs as much as hundreds of municipal ones. An entry larger than the whole budget is not kept.
/// Thread-safe; sizes are the caller's estimates.
/// </summary>
public sealed class ByteBoundedCache<TValue>(long capacityBytes) where TValue : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value, long Bytes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value, long Bytes)> _byUse = new();

    public long CapacityBytes { get; } = capacityBytes;

    public long Bytes { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public long Evictions { get; private set; }

    public bool TryGet(string key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _byUse.Remove(node);
                _byUse.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
            value = null!;
            return false;
        }
    }

    /// <summary>Keeps the value (replacing one under the same key), then evicts the least recently used entries until the total fits.</summary>
    public void Set(string key, TValue value, long bytes)
    {
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _byUse.Remove(old);
                Bytes -= old.Value.Bytes;
            }
            if (bytes > CapacityBytes)
                return;
            _entries[key] = _byUse.AddFirst((key, value, bytes));
            Bytes += bytes;
            while (Bytes > CapacityBytes && _byUse.Last is { } last)
            {
                _byUse.RemoveLast();
                _entries.Remove(last.Value.Key);
                Bytes -= last.Value.Bytes;
                Evictions++;
            }
        }
    }
}
