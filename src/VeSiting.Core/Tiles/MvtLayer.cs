namespace VeSiting.Core.Tiles;

/// <summary>
/// A Mapbox Vector Tile (spec 2.1) layer written straight to protocol-buffer bytes: points, multi-points, lines and
/// polygons with holes and parts, in tile units (the caller projects, clips and rounds), attribute keys and values
/// shared through the layer's tables, no allocation per feature beyond new distinct attribute values. The service's one
/// vector-tile writer: every layer's tiles are written by it (a tile of several layers is their bytes concatenated,
/// as <see cref="Concat"/> does). Not thread-safe; one instance per tile and layer.
/// </summary>
public sealed class MvtLayer(string name, int extent = 4096)
{
    // Field tags: (field number << 3) | wire type (0 varint, 1 fixed64, 2 length-delimited).
    private const byte TileLayers = 3 << 3 | 2;
    private const byte LayerName = 1 << 3 | 2, LayerFeatures = 2 << 3 | 2, LayerKeys = 3 << 3 | 2, LayerValues = 4 << 3 | 2, LayerExtent = 5 << 3, LayerVersion = 15 << 3;
    private const byte FeatureTags = 2 << 3 | 2, FeatureType = 3 << 3, FeatureGeometry = 4 << 3 | 2;
    private const byte ValueString = 1 << 3 | 2, ValueDouble = 3 << 3 | 1, ValueUInt = 5 << 3, ValueSInt = 6 << 3, ValueBool = 7 << 3;
    private const byte PointType = 1, LineType = 2, PolygonType = 3;
    private const uint MoveTo = 1, LineTo = 2, ClosePath = 7;

    private readonly ProtobufBuffer _features = new(64 * 1024);
    private readonly ProtobufBuffer _values = new();
    private readonly ProtobufBuffer _scratch = new(64);
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, int> _keyIndex = [];
    private readonly Dictionary<string, int> _strings = [];
    private readonly Dictionary<double, int> _doubles = [];
    private readonly Dictionary<long, int> _integers = [];
    private readonly int[] _bools = [-1, -1];
    private readonly List<uint> _tags = [];
    private int _valueCount;
    private readonly List<uint> _geometry = [];
    private bool _open;
    private byte _type;

    public string Name { get; } = name;
    public int Extent { get; } = extent;
    public int Count { get; private set; }

    /// <summary>Starts a point feature at tile position (px, py); attributes added next belong to it.</summary>
    public void AddPoint(int px, int py)
    {
        Flush();
        (_type, _open) = (PointType, true);
        _geometry.Add(Command(MoveTo, 1));
        _geometry.Add(ProtobufBuffer.ZigZag(px));
        _geometry.Add(ProtobufBuffer.ZigZag(py));
        Count++;
    }

    /// <summary>
    /// Starts a polygon feature of one ring (tile positions, not closed, at least 3 distinct points, exterior:
    /// clockwise on screen, i.e. a positive area with y down, as the spec requires); attributes added next belong to it.
    /// </summary>
    public void AddPolygon(ReadOnlySpan<(int X, int Y)> ring)
    {
        if (ring.Length < 3)
            throw new ArgumentException("a ring needs at least 3 points", nameof(ring));
        Flush();
        (_type, _open) = (PolygonType, true);
        var cursor = (0, 0);
        Path(ring, ref cursor);
        _geometry.Add(Command(ClosePath, 1));
        Count++;
    }

    /// <summary>Starts a multi-point feature (MoveTo(n)); attributes added next belong to it.</summary>
    public void AddPoints(ReadOnlySpan<(int X, int Y)> points)
    {
        if (points.Length == 0)
            throw new ArgumentException("a multi-point needs at least one point", nameof(points));
        Flush();
        (_type, _open) = (PointType, true);
        _geometry.Add(Command(MoveTo, points.Length));
        var (x, y) = (0, 0);
        foreach (var p in points)
        {
            _geometry.Add(ProtobufBuffer.ZigZag(p.X - x));
            _geometry.Add(ProtobufBuffer.ZigZag(p.Y - y));
            (x, y) = p;
        }
        Count++;
    }

    /// <summary>Starts a line or multi-line feature (each line at least 2 points, no two neighbours equal); attributes added next belong to it.</summary>
    public void AddLines(IReadOnlyList<(int X, int Y)[]> lines)
    {
        if (lines.Count == 0 || lines.Any(l => l.Length < 2))
            throw new ArgumentException("a line needs at least 2 points", nameof(lines));
        Flush();
        (_type, _open) = (LineType, true);
        var cursor = (0, 0);
        foreach (var line in lines)
            Path(line, ref cursor);
        Count++;
    }

    /// <summary>
    /// Starts a polygon or multi-polygon feature: its rings in order, each part's exterior ring (positive area with
    /// y down) followed by its holes (negative area), not closed, at least 3 points each; attributes added next belong to it.
    /// </summary>
    public void AddPolygon(IReadOnlyList<(int X, int Y)[]> rings)
    {
        if (rings.Count == 0 || rings.Any(r => r.Length < 3))
            throw new ArgumentException("a ring needs at least 3 points", nameof(rings));
        Flush();
        (_type, _open) = (PolygonType, true);
        var cursor = (0, 0);
        foreach (var ring in rings)
        {
            Path(ring, ref cursor);
            _geometry.Add(Command(ClosePath, 1));
        }
        Count++;
    }

    /// <summary>MoveTo the first point and LineTo the others, relative to the cursor (which carries over between a feature's parts).</summary>
    private void Path(ReadOnlySpan<(int X, int Y)> points, ref (int X, int Y) cursor)
    {
        for (var i = 0; i < points.Length; i++)
        {
            if (i == 0) _geometry.Add(Command(MoveTo, 1));
            if (i == 1) _geometry.Add(Command(LineTo, points.Length - 1));
            _geometry.Add(ProtobufBuffer.ZigZag(points[i].X - cursor.X));
            _geometry.Add(ProtobufBuffer.ZigZag(points[i].Y - cursor.Y));
            cursor = points[i];
        }
    }

    /// <summary>A tile of several layers: their tiles' bytes one after the other (a tile's layers field repeats).</summary>
    public static byte[] Concat(IEnumerable<MvtLayer> layers)
    {
        using var stream = new MemoryStream();
        foreach (var layer in layers)
            stream.Write(layer.ToTile());
        return stream.ToArray();
    }

    private static uint Command(uint id, int count) => id | (uint)count << 3;

    /// <summary>An attribute of the current feature: string, bool, integer or floating-point; null values are left out.</summary>
    public void Attribute(string key, object? value)
    {
        if (!_open)
            throw new InvalidOperationException("add a point or polygon before its attributes");
        switch (value)
        {
            case null:
                return;
            case bool b:
                Tag(key, BoolValue(b));
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                Tag(key, IntegerValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)));
                break;
            case double or float or decimal:
                Tag(key, DoubleValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            default:
                Tag(key, StringValue(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    /// <summary>A string attribute of the current feature (without boxing); null is left out.</summary>
    public void Attribute(string key, string? value)
    {
        if (!_open)
            throw new InvalidOperationException("add a point or polygon before its attributes");
        if (value is not null)
            Tag(key, StringValue(value));
    }

    /// <summary>A string attribute that no other feature of the layer has (an id): written without looking for an equal value to share.</summary>
    public void UniqueAttribute(string key, string value)
    {
        if (!_open)
            throw new InvalidOperationException("add a point or polygon before its attributes");
        _scratch.Byte(ValueString);
        _scratch.String(value);
        Tag(key, CommitValue());
    }

    /// <summary>An integer attribute of the current feature (without boxing; also chosen for int arguments, which would otherwise convert to double).</summary>
    public void Attribute(string key, long value)
    {
        if (!_open)
            throw new InvalidOperationException("add a point or polygon before its attributes");
        Tag(key, IntegerValue(value));
    }

    /// <summary>A floating-point attribute of the current feature (without boxing).</summary>
    public void Attribute(string key, double value)
    {
        if (!_open)
            throw new InvalidOperationException("add a point or polygon before its attributes");
        Tag(key, DoubleValue(value));
    }

    private int BoolValue(bool b)
    {
        if (_bools[b ? 1 : 0] is var known and >= 0)
            return known;
        _scratch.Byte(ValueBool);
        _scratch.Varint(b ? 1UL : 0UL);
        return _bools[b ? 1 : 0] = CommitValue();
    }

    private int IntegerValue(long l)
    {
        if (_integers.TryGetValue(l, out var index))
            return index;
        _scratch.Byte(l >= 0 ? ValueUInt : ValueSInt);
        _scratch.Varint(l >= 0 ? (ulong)l : (ulong)((l << 1) ^ (l >> 63)));
        return _integers[l] = CommitValue();
    }

    private int DoubleValue(double d)
    {
        if (_doubles.TryGetValue(d, out var index))
            return index;
        _scratch.Byte(ValueDouble);
        _scratch.Fixed64(d);
        return _doubles[d] = CommitValue();
    }

    private int StringValue(string s)
    {
        if (_strings.TryGetValue(s, out var index))
            return index;
        _scratch.Byte(ValueString);
        _scratch.String(s);
        return _strings[s] = CommitValue();
    }

    private void Tag(string key, int index)
    {
        if (!_keyIndex.TryGetValue(key, out var k))
        {
            _keyIndex[key] = k = _keys.Count;
            _keys.Add(key);
        }
        _tags.Add((uint)k);
        _tags.Add((uint)index);
    }

    /// <summary>The tile's bytes: this one layer, or no bytes at all (a valid empty tile) when it has no features.</summary>
    public byte[] ToTile()
    {
        Flush();
        if (Count == 0)
            return [];
        var head = new ProtobufBuffer(256);
        head.Byte(LayerVersion);
        head.Varint(2);
        head.Byte(LayerName);
        head.String(Name);
        var tail = new ProtobufBuffer(256);
        foreach (var key in _keys)
        {
            tail.Byte(LayerKeys);
            tail.String(key);
        }
        tail.Bytes(_values.Written);
        tail.Byte(LayerExtent);
        tail.Varint((ulong)Extent);
        var layerLength = head.Length + _features.Length + tail.Length;
        var tile = new ProtobufBuffer(layerLength + 16);
        tile.Byte(TileLayers);
        tile.Varint((ulong)layerLength);
        tile.Bytes(head.Written);
        tile.Bytes(_features.Written);
        tile.Bytes(tail.Written);
        return tile.Written.ToArray();
    }

    /// <summary>Writes the open feature: its packed tags, its type and its packed geometry commands.</summary>
    private void Flush()
    {
        if (!_open)
            return;
        _open = false;
        var geometryLength = 0;
        foreach (var g in _geometry)
            geometryLength += ProtobufBuffer.VarintSize(g);
        var tagsLength = 0;
        foreach (var t in _tags)
            tagsLength += ProtobufBuffer.VarintSize(t);
        var featureLength = (tagsLength > 0 ? 1 + ProtobufBuffer.VarintSize((ulong)tagsLength) + tagsLength : 0) + 2 + 1 + ProtobufBuffer.VarintSize((ulong)geometryLength) + geometryLength;
        _features.Byte(LayerFeatures);
        _features.Varint((ulong)featureLength);
        if (tagsLength > 0)
        {
            _features.Byte(FeatureTags);
            _features.Varint((ulong)tagsLength);
            foreach (var t in _tags)
                _features.Varint(t);
        }
        _features.Byte(FeatureType);
        _features.Byte(_type);
        _features.Byte(FeatureGeometry);
        _features.Varint((ulong)geometryLength);
        foreach (var g in _geometry)
            _features.Varint(g);
        _tags.Clear();
        _geometry.Clear();
    }

    /// <summary>Appends the value message in the scratch buffer to the layer's values; its index.</summary>
    private int CommitValue()
    {
        _values.Byte(LayerValues);
        _values.Varint((ulong)_scratch.Length);
        _values.Bytes(_scratch.Written);
        _scratch.Clear();
        return _valueCount++;
    }
}
