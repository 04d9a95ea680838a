using System.Buffers;
using System.IO.Compression;
using OsmSharp;
using OsmSharp.Tags;

namespace VeSiting.Data.Importers.Osm.Pbf;

/// <summary>
/// Decodes one PBF blob (fileformat.proto's <c>Blob</c>: raw or zlib) into its header features or its primitive block
/// (osmformat.proto: string table, dense nodes with delta coding, nodes, ways with delta refs, relations with delta
/// member ids; coordinates from granularity and lat/lon offset). Metadata (version, time, user) is not read.
/// </summary>
internal static class PbfBlockDecoder
{
    /// <summary>The features a file may require that this decoder reads.</summary>
    private static readonly HashSet<string> SupportedFeatures = new(StringComparer.Ordinal) { "OsmSchema-V0.6", "DenseNodes", "LocationsOnWays" };

    private const int MaxBlobBytes = 32 * 1024 * 1024;

    /// <summary>The uncompressed bytes of a blob, rented from the shared pool (return them when done).</summary>
    public static (byte[] Buffer, int Length) Inflate(byte[] blob, int length)
    {
        var reader = new ProtoReader(blob.AsSpan(0, length));
        var rawSize = -1;
        ReadOnlySpan<byte> raw = default, zlib = default;
        var hasRaw = false;
        string? unsupported = null;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    raw = reader.Bytes();
                    hasRaw = true;
                    break;
                case 2 when wire == 0:
                    rawSize = reader.Int32();
                    break;
                case 3 when wire == 2:
                    zlib = reader.Bytes();
                    break;
                case 4 or 5 or 6 or 7:
                    unsupported = field switch { 4 => "LZMA", 5 => "bzip2", 6 => "LZ4", _ => "Zstandard" };
                    reader.Skip(wire);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        if (hasRaw)
        {
            var copy = ArrayPool<byte>.Shared.Rent(Math.Max(1, raw.Length));
            raw.CopyTo(copy);
            return (copy, raw.Length);
        }
        if (unsupported is not null)
            throw new InvalidDataException($"the block is compressed with {unsupported}, which this reader does not read (raw and zlib it does)");
        if (rawSize < 0 || rawSize > MaxBlobBytes)
            throw new InvalidDataException($"the block gives no usable uncompressed size ({rawSize:N0} bytes)");
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, rawSize));
        try
        {
            var range = RangeOf(blob, zlib);
            using var input = new MemoryStream(blob, range.Start.Value, zlib.Length, writable: false);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            var read = inflater.ReadAtLeast(buffer.AsSpan(0, rawSize), rawSize, throwOnEndOfStream: false);
            if (read != rawSize)
                throw new InvalidDataException($"the block inflates to {read:N0} bytes, not the {rawSize:N0} its header gives");
            return (buffer, rawSize);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Checks an <c>OSMHeader</c> block's required features.</summary>
    public static void CheckHeader(ReadOnlySpan<byte> headerBlock)
    {
        var reader = new ProtoReader(headerBlock);
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            if (field == 4 && wire == 2)
            {
                var feature = Encoding.UTF8.GetString(reader.Bytes());
                if (!SupportedFeatures.Contains(feature))
                    throw new InvalidDataException($"the file requires the feature \"{feature}\", which this reader does not read");
            }
            else
                reader.Skip(wire);
        }
    }

    /// <summary>The groups of an <c>OSMData</c> block, in file order.</summary>
    public static IReadOnlyList<PbfGroup> DecodePrimitiveBlock(ReadOnlySpan<byte> block)
    {
        var reader = new ProtoReader(block);
        ReadOnlySpan<byte> stringTable = default;
        var groups = new List<Range>();
        long granularity = 100, latOffset = 0, lonOffset = 0;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    stringTable = reader.Bytes();
                    break;
                case 2 when wire == 2:
                    var group = reader.Bytes();
                    groups.Add(RangeOf(block, group));
                    break;
                case 17 when wire == 0:
                    granularity = reader.Int32();
                    break;
                case 19 when wire == 0:
                    latOffset = reader.Int64();
                    break;
                case 20 when wire == 0:
                    lonOffset = reader.Int64();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        if (granularity <= 0)
            throw new InvalidDataException($"granularity {granularity} is not positive");
        var strings = Strings(stringTable);
        var scale = new Scale(granularity, latOffset, lonOffset);
        var decoded = new List<PbfGroup>(groups.Count);
        foreach (var range in groups)
            decoded.AddRange(DecodeGroup(block[range], strings, scale));
        return decoded;
    }

    private static Range RangeOf(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner)
    {
        var start = (int)System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(outer),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(inner));
        return new Range(start, start + inner.Length);
    }

    private static string[] Strings(ReadOnlySpan<byte> table)
    {
        var strings = new List<string>();
        var reader = new ProtoReader(table);
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            if (field == 1 && wire == 2)
                strings.Add(Encoding.UTF8.GetString(reader.Bytes()));
            else
                reader.Skip(wire);
        }
        return [.. strings];
    }

    /// <summary>Coordinates in 100-nanodegree units: (offset + granularity × value) nanodegrees.</summary>
    private readonly record struct Scale(long Granularity, long LatOffset, long LonOffset)
    {
        public int Lat(long value) => ToUnits(LatOffset + Granularity * value);

        public int Lon(long value) => ToUnits(LonOffset + Granularity * value);

        private static int ToUnits(long nanodegrees) =>
            nanodegrees % 100 == 0 ? checked((int)(nanodegrees / 100)) : checked((int)Math.Round(nanodegrees / 100.0, MidpointRounding.AwayFromZero));
    }

    private static IEnumerable<PbfGroup> DecodeGroup(ReadOnlySpan<byte> group, string[] strings, Scale scale)
    {
        var reader = new ProtoReader(group);
        var results = new List<PbfGroup>(1);
        List<(long Id, int Lon, int Lat, TagsCollectionBase? Tags)>? plainNodes = null;
        List<OsmGeo>? elements = null;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    (plainNodes ??= []).Add(PlainNode(reader.Bytes(), strings, scale));
                    break;
                case 2 when wire == 2:
                    results.Add(new PbfGroup(DenseNodes(reader.Bytes(), strings, scale), null));
                    break;
                case 3 when wire == 2:
                    (elements ??= []).Add(Way(reader.Bytes(), strings));
                    break;
                case 4 when wire == 2:
                    (elements ??= []).Add(Relation(reader.Bytes(), strings));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        if (plainNodes is not null)
        {
            var tags = plainNodes.Any(n => n.Tags is not null) ? plainNodes.Select(n => n.Tags).ToArray() : null;
            results.Add(new PbfGroup(new PbfNodes(plainNodes.Select(n => n.Id).ToArray(), plainNodes.Select(n => n.Lon).ToArray(),
                plainNodes.Select(n => n.Lat).ToArray(), tags), null));
        }
        if (elements is not null)
            results.Add(new PbfGroup(null, elements));
        return results;
    }

    private static PbfNodes DenseNodes(ReadOnlySpan<byte> dense, string[] strings, Scale scale)
    {
        var reader = new ProtoReader(dense);
        ReadOnlySpan<byte> ids = default, lats = default, lons = default, keysVals = default;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    ids = reader.Bytes();
                    break;
                case 8 when wire == 2:
                    lats = reader.Bytes();
                    break;
                case 9 when wire == 2:
                    lons = reader.Bytes();
                    break;
                case 10 when wire == 2:
                    keysVals = reader.Bytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        var count = ProtoReader.CountVarints(ids);
        var idColumn = new long[count];
        var lonColumn = new int[count];
        var latColumn = new int[count];
        var idReader = new ProtoReader(ids);
        var latReader = new ProtoReader(lats);
        var lonReader = new ProtoReader(lons);
        long id = 0, lat = 0, lon = 0;
        for (var i = 0; i < count; i++)
        {
            id += idReader.SInt64();
            lat += latReader.SInt64();
            lon += lonReader.SInt64();
            idColumn[i] = id;
            latColumn[i] = scale.Lat(lat);
            lonColumn[i] = scale.Lon(lon);
        }
        if (!latReader.End || !lonReader.End)
            throw new InvalidDataException("dense nodes have more coordinates than ids");
        TagsCollectionBase?[]? tags = null;
        if (!keysVals.IsEmpty)
        {
            var tagReader = new ProtoReader(keysVals);
            for (var i = 0; i < count && !tagReader.End; i++)
            {
                TagsCollection? nodeTags = null;
                while (true)
                {
                    var key = tagReader.Int32();
                    if (key == 0)
                        break;
                    var value = tagReader.Int32();
                    (nodeTags ??= []).Add(String(strings, key), String(strings, value));
                }
                if (nodeTags is not null)
                    (tags ??= new TagsCollectionBase?[count])[i] = nodeTags;
            }
        }
        return new PbfNodes(idColumn, lonColumn, latColumn, tags);
    }

    private static (long Id, int Lon, int Lat, TagsCollectionBase? Tags) PlainNode(ReadOnlySpan<byte> node, string[] strings, Scale scale)
    {
        var reader = new ProtoReader(node);
        long id = 0, lat = 0, lon = 0;
        ReadOnlySpan<byte> keys = default, values = default;
        while (!reader.End)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 0:
                    id = reader.SInt64();
                    break;
                case 2 when wire == 2:
                    keys = reader.Bytes();
                    break;
                case 3 when wire == 2:
                    values = reader.Bytes();
                    break;
                case 8 when wire == 0:
                    lat = reader.SInt64();
                    break;
                case 9 when wire == 0:
                    lon = reader.SInt64();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        return (id, scale.Lon(lon), scale.Lat(lat), Tags(keys, values, strings));
    }

    private static Way Way(ReadOnlySpan<byte> way, string[] strings)
    {
        var fields = new ElementFields(way);
        var refs = fields.Packed8;
        var nodes = new long[ProtoReader.CountVarints(refs)];
        var refReader = new ProtoReader(refs);
        long node = 0;
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = node += refReader.SInt64();
        return new Way { Id = fields.Id, Nodes = nodes, Tags = Tags(fields.Keys, fields.Values, strings) };
    }

    private static Relation Relation(ReadOnlySpan<byte> relation, string[] strings)
    {
        var fields = new ElementFields(relation);
        var id = fields.Id;
        var roles = fields.Packed8;
        var memberIds = fields.Packed9;
        var types = fields.Packed10;
        var members = new RelationMember[ProtoReader.CountVarints(memberIds)];
        var roleReader = new ProtoReader(roles);
        var idReader = new ProtoReader(memberIds);
        var typeReader = new ProtoReader(types);
        long member = 0;
        for (var i = 0; i < members.Length; i++)
        {
            member += idReader.SInt64();
            var type = typeReader.Int32() switch
            {
                0 => OsmGeoType.Node,
                1 => OsmGeoType.Way,
                2 => OsmGeoType.Relation,
                var other => throw new InvalidDataException($"relation {id} has a member of unknown type {other}"),
            };
            members[i] = new RelationMember(member, String(strings, roleReader.Int32()), type);
        }
        return new Relation { Id = id, Members = members, Tags = Tags(fields.Keys, fields.Values, strings) };
    }

    /// <summary>
    /// The fields a way and a relation share in osmformat.proto (id 1, keys 2, vals 3) and their packed fields 8 to 10:
    /// a way's refs (8; its 9 and 10, lat and lon with LocationsOnWays, go unused), a relation's roles_sid, memids and types.
    /// </summary>
    private readonly ref struct ElementFields
    {
        public readonly long Id;
        public readonly ReadOnlySpan<byte> Keys, Values, Packed8, Packed9, Packed10;

        public ElementFields(ReadOnlySpan<byte> element)
        {
            var reader = new ProtoReader(element);
            while (!reader.End)
            {
                var (field, wire) = reader.Tag();
                switch (field)
                {
                    case 1 when wire == 0:
                        Id = reader.Int64();
                        break;
                    case 2 when wire == 2:
                        Keys = reader.Bytes();
                        break;
                    case 3 when wire == 2:
                        Values = reader.Bytes();
                        break;
                    case 8 when wire == 2:
                        Packed8 = reader.Bytes();
                        break;
                    case 9 when wire == 2:
                        Packed9 = reader.Bytes();
                        break;
                    case 10 when wire == 2:
                        Packed10 = reader.Bytes();
                        break;
                    default:
                        reader.Skip(wire);
                        break;
                }
            }
        }
    }

    private static TagsCollectionBase? Tags(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values, string[] strings)
    {
        if (keys.IsEmpty)
            return null;
        var keyReader = new ProtoReader(keys);
        var valueReader = new ProtoReader(values);
        var tags = new TagsCollection();
        while (!keyReader.End)
            tags.Add(String(strings, keyReader.Int32()), String(strings, valueReader.Int32()));
        return tags;
    }

    private static string String(string[] strings, int index) =>
        (uint)index < (uint)strings.Length ? strings[index] : throw new InvalidDataException($"string {index} is not in the block's table of {strings.Length:N0}");
}
