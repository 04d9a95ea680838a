namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// The node lists of the ways a multipolygon may name, kept compactly until the relations come: way ids in one array,
/// each list as varint-coded differences from the node before (a way's nodes mostly have neighbouring ids, so most take
/// one byte) in one byte pool. About 15 bytes a four-cornered building instead of a hundred or so in a dictionary of
/// arrays. Ways given out of id order are sorted once when the first relation asks.
/// </summary>
internal sealed class WayNodeLists
{
    private long[] _ids = new long[1024];
    private int[] _starts = new int[1024];
    private byte[] _pool = new byte[64 * 1024];
    private int _used;
    private bool _sorted = true;
    private bool _sealed = true;

    public int Count { get; private set; }

    public void Add(long id, long[] refs)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(1024, _ids.Length * 2));
            Array.Resize(ref _starts, Math.Max(1024, _starts.Length * 2));
        }
        if (Count > 0 && id <= _ids[Count - 1])
            _sorted = false;
        _sealed = false;
        _ids[Count] = id;
        _starts[Count] = _used;
        Count++;
        Write((ulong)refs.Length);
        long previous = 0;
        foreach (var node in refs)
        {
            var delta = node - previous;
            Write((ulong)((delta << 1) ^ (delta >> 63)));
            previous = node;
        }
    }

    public bool TryGet(long id, out long[] refs)
    {
        Seal();
        var at = Array.BinarySearch(_ids, 0, Count, id);
        if (at < 0)
        {
            refs = [];
            return false;
        }
        var position = _starts[at];
        refs = new long[Read(ref position)];
        long node = 0;
        for (var i = 0; i < refs.Length; i++)
        {
            var zigzag = Read(ref position);
            node += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            refs[i] = node;
        }
        return true;
    }

    private void Seal()
    {
        if (_sealed)
            return;
        _sealed = true;
        if (_sorted)
            return;
        // Out of id order: sort ids and their list starts together; the later of two equal ids wins, as a dictionary would.
        var order = Enumerable.Range(0, Count).ToArray();
        var ids = _ids[..Count];
        Array.Sort(ids, order);
        var (keptIds, keptStarts, keptOrder, kept) = (new long[Count], new int[Count], new int[Count], 0);
        for (var i = 0; i < Count; i++)
        {
            if (kept > 0 && keptIds[kept - 1] == ids[i])
            {
                if (order[i] > keptOrder[kept - 1])
                    (keptStarts[kept - 1], keptOrder[kept - 1]) = (_starts[order[i]], order[i]);
                continue;
            }
            (keptIds[kept], keptStarts[kept], keptOrder[kept]) = (ids[i], _starts[order[i]], order[i]);
            kept++;
        }
        (_ids, _starts, Count, _sorted) = (keptIds, keptStarts, kept, true);
    }

    private void Write(ulong value)
    {
        if (_used + 10 > _pool.Length)
            Array.Resize(ref _pool, _pool.Length * 2);
        while (value >= 0x80)
        {
            _pool[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _pool[_used++] = (byte)value;
    }

    private ulong Read(ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _pool[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
