namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// Every node's position, kept compactly for the ways that come after the nodes in an OSM file: ids in one array,
/// longitude and latitude as whole 100-nanodegree units (OSM's own precision) in two more — 16 bytes a node. Files
/// give nodes in id order (PBF and the API's XML do); a file that does not is sorted once when the first way comes.
/// </summary>
internal sealed class NodeLocations
{
    private const double Scale = 1e7;
    private long[] _ids = new long[1024];
    private int[] _lons = new int[1024];
    private int[] _lats = new int[1024];
    private bool _sorted = true;

    public int Count { get; private set; }

    public void Add(long id, double lon, double lat)
    {
        if (Count == _ids.Length)
        {
            var size = checked(_ids.Length * 2);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _lons, size);
            Array.Resize(ref _lats, size);
        }
        if (Count > 0 && id <= _ids[Count - 1])
            _sorted = false;
        _ids[Count] = id;
        _lons[Count] = (int)Math.Round(lon * Scale);
        _lats[Count] = (int)Math.Round(lat * Scale);
        Count++;
    }

    /// <summary>Sorts by id where the file did not give the nodes in order (called once the nodes are done).</summary>
    public void Seal()
    {
        if (_sorted)
            return;
        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(_ids, order, 0, Count);
        _lons = order.Select(i => _lons[i]).ToArray();
        _lats = order.Select(i => _lats[i]).ToArray();
        _sorted = true;
    }

    public bool TryGet(long id, out double lon, out double lat)
    {
        var at = Array.BinarySearch(_ids, 0, Count, id);
        if (at < 0)
        {
            (lon, lat) = (0, 0);
            return false;
        }
        lon = _lons[at] / Scale;
        lat = _lats[at] / Scale;
        return true;
    }
}
