using System.Collections.Concurrent;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Rendered tiles in memory, keyed by data version: when the store serves a new version, every older tile is
/// dropped. Bounded: when full, the cache is emptied rather than growing (tiles are cheap to re-render). A capacity of
/// 0 turns caching off: every request renders (for benchmarks of the renderers and the store).
/// </summary>
public sealed class TileCache(int capacity)
{
    private readonly ConcurrentDictionary<string, byte[]> _tiles = new();
    private string _version = "";
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    public int Count => _tiles.Count;

    public async Task<byte[]> GetOrAddAsync(string version, string key, Func<Task<byte[]>> render)
    {
        if (capacity <= 0)
        {
            Interlocked.Increment(ref _misses);
            return await render();
        }
        if (version != Volatile.Read(ref _version))
        {
            lock (_tiles)
            {
                if (version != _version)
                {
                    _tiles.Clear();
                    Volatile.Write(ref _version, version);
                }
            }
        }
        if (_tiles.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }
        Interlocked.Increment(ref _misses);
        var bytes = await render();
        if (_tiles.Count >= capacity)
            _tiles.Clear();
        _tiles[key] = bytes;
        return bytes;
    }
}
