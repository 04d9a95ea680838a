namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// Every node's position, kept compactly for the ways that come after the nodes in an OSM file: 12 bytes a node, in
/// chunks of about a million nodes that each hold a base id, the ids as 32-bit offsets from it, and longitude and
/// latitude as whole 100-nanodegree units (OSM's own precision). 50 M nodes take about 600 MB, and the store grows a
/// chunk at a time (no doubling and copying). Files give nodes in id order (PBF and the API's XML do); a file that does
/// not is sorted once when the first way comes. A lookup tries the nodes just after the last one found before it
/// searches, since a way's nodes mostly follow one another in the file.
/// </summary>
internal sealed class NodeLocations
{
    public const double Scale = 1e7;
    private const int ChunkSize = 1 << 20;
    private const int NearbyProbes = 8;

    private readonly List<Chunk> _chunks = [];
    private readonly List<(long Id, int Lon, int Lat)> _loose = [];
    private long[] _bases = [];
    private bool _sorted = true;
    private long _lastId = long.MinValue;

    public long Count { get; private set; }

    public void Add(long id, int lon7, int lat7)
    {
        if (id <= _lastId)
            _sorted = false;
        _lastId = id;
        if (!_sorted)
        {
            // Out of order from here on: kept loose until Seal sorts everything.
            _loose.Add((id, lon7, lat7));
            Count++;
            return;
        }
        var chunk = _chunks.Count > 0 ? _chunks[^1] : null;
        if (chunk is null || !chunk.Accepts(id))
        {
            chunk = new Chunk(id);
            _chunks.Add(chunk);
        }
        chunk.Add(id, lon7, lat7);
        Count++;
    }

    /// <summary>Sorts by id where the file did not give the nodes in order (called once the nodes are done).</summary>
    public void Seal()
    {
        if (!_sorted)
        {
            var ids = new long[Count];
            var lons = new int[Count];
            var lats = new int[Count];
            var at = 0;
            foreach (var chunk in _chunks)
            {
                for (var i = 0; i < chunk.Count; i++, at++)
                    (ids[at], lons[at], lats[at]) = (chunk.Base + chunk.Offsets[i], chunk.Lons[i], chunk.Lats[i]);
            }
            foreach (var (id, lon, lat) in _loose)
                (ids[at], lons[at], lats[at++]) = (id, lon, lat);
            _chunks.Clear();
            _loose.Clear();
            var order = Enumerable.Range(0, ids.Length).ToArray();
            Array.Sort(ids, order);
            Count = 0;
            _lastId = long.MinValue;
            _sorted = true;
            for (var i = 0; i < ids.Length;)
            {
                // The same node more than once: the position given first in the file is kept (the sort is not stable).
                var first = order[i];
                var next = i + 1;
                for (; next < ids.Length && ids[next] == ids[i]; next++)
                    first = Math.Min(first, order[next]);
                Add(ids[i], lons[first], lats[first]);
                i = next;
            }
        }
        _bases = _chunks.Select(c => c.Base).ToArray();
    }

    /// <summary>
    /// Where the last lookup of one thread found its node; after <see cref="Seal"/> lookups only read the store, so
    /// threads may look up at the same time, each with its own hint.
    /// </summary>
    public sealed class Hint
    {
        public int Chunk { get; set; } = -1;
        public int At { get; set; } = -1;
    }

    public bool TryGet(long id, Hint hint, out double lon, out double lat)
    {
        (lon, lat) = (0, 0);
        if (!Find(id, hint, out var chunk, out var at))
            return false;
        var c = _chunks[chunk];
        (lon, lat) = (c.Lons[at] / Scale, c.Lats[at] / Scale);
        (hint.Chunk, hint.At) = (chunk, at);
        return true;
    }

    private bool Find(long id, Hint hint, out int chunk, out int at)
    {
        if (hint.Chunk >= 0)
        {
            var c = _chunks[hint.Chunk];
            var offset = id - c.Base;
            // A way's nodes mostly follow one another; a closed way comes back to its first node a few places back.
            for (var i = Math.Max(0, hint.At - NearbyProbes); i < c.Count && i <= hint.At + NearbyProbes; i++)
            {
                if (c.Offsets[i] == offset)
                {
                    (chunk, at) = (hint.Chunk, i);
                    return true;
                }
            }
        }
        chunk = Array.BinarySearch(_bases, id);
        if (chunk < 0)
            chunk = ~chunk - 1;
        at = -1;
        if (chunk < 0)
            return false;
        var found = _chunks[chunk];
        var within = id - found.Base;
        if (within > uint.MaxValue)
            return false;
        at = Array.BinarySearch(found.Offsets, 0, found.Count, (uint)within);
        return at >= 0;
    }

    private sealed class Chunk(long baseId)
    {
        public long Base { get; } = baseId;
        public uint[] Offsets { get; private set; } = new uint[1024];
        public int[] Lons { get; private set; } = new int[1024];
        public int[] Lats { get; private set; } = new int[1024];
        public int Count { get; private set; }

        public bool Accepts(long id) => Count < ChunkSize && id >= Base && id - Base <= uint.MaxValue;

        public void Add(long id, int lon7, int lat7)
        {
            if (Count == Offsets.Length)
            {
                var size = Math.Min(ChunkSize, Offsets.Length * 4);
                var (offsets, lons, lats) = (Offsets, Lons, Lats);
                Array.Resize(ref offsets, size);
                Array.Resize(ref lons, size);
                Array.Resize(ref lats, size);
                (Offsets, Lons, Lats) = (offsets, lons, lats);
            }
            Offsets[Count] = (uint)(id - Base);
            Lons[Count] = lon7;
            Lats[Count] = lat7;
            Count++;
        }
    }
}
