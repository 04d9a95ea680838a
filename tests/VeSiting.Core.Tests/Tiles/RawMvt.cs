using System.Text;

namespace VeSiting.Core.Tests.Tiles;

/// <summary>
/// A minimal hand-written vector-tile decoder for tests: layers with name, extent, keys, values and point features in
/// integer tile units (NetTopologySuite's reader returns longitude/latitude, not the encoded units).
/// </summary>
internal static class RawMvt
{
    public sealed record Feature(int Type, int X, int Y, IReadOnlyDictionary<string, object> Attributes);

    public sealed record Layer(string Name, int Version, int Extent, IReadOnlyList<Feature> Features);

    public static IReadOnlyList<Layer> Decode(byte[] tile)
    {
        var layers = new List<Layer>();
        var at = 0;
        while (at < tile.Length)
        {
            var (field, _) = Key(tile, ref at);
            var body = Bytes(tile, ref at);
            if (field == 3)
                layers.Add(DecodeLayer(body));
        }
        return layers;
    }

    private static Layer DecodeLayer(byte[] b)
    {
        var (name, version, extent) = ("", 1, 4096);
        var keys = new List<string>();
        var values = new List<object>();
        var raw = new List<(List<int> Tags, int Type, List<int> Geometry)>();
        var at = 0;
        while (at < b.Length)
        {
            var (field, wire) = Key(b, ref at);
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(Bytes(b, ref at)); break;
                case 2: raw.Add(DecodeFeature(Bytes(b, ref at))); break;
                case 3: keys.Add(Encoding.UTF8.GetString(Bytes(b, ref at))); break;
                case 4: values.Add(DecodeValue(Bytes(b, ref at))); break;
                case 5: extent = (int)Varint(b, ref at); break;
                case 15: version = (int)Varint(b, ref at); break;
                default: throw new InvalidDataException($"layer field {field} wire {wire}");
            }
        }
        var features = raw.Select(f =>
        {
            Assert.Equal([9], f.Geometry.Take(1)); // MoveTo, count 1
            var attributes = new Dictionary<string, object>();
            for (var i = 0; i < f.Tags.Count; i += 2)
                attributes[keys[f.Tags[i]]] = values[f.Tags[i + 1]];
            return new Feature(f.Type, ZigZag(f.Geometry[1]), ZigZag(f.Geometry[2]), attributes);
        }).ToList();
        return new Layer(name, version, extent, features);
    }

    private static (List<int>, int, List<int>) DecodeFeature(byte[] b)
    {
        var (tags, type, geometry) = (new List<int>(), 0, new List<int>());
        var at = 0;
        while (at < b.Length)
        {
            var (field, _) = Key(b, ref at);
            switch (field)
            {
                case 2: tags.AddRange(Packed(Bytes(b, ref at))); break;
                case 3: type = (int)Varint(b, ref at); break;
                case 4: geometry.AddRange(Packed(Bytes(b, ref at))); break;
                default: Varint(b, ref at); break;
            }
        }
        return (tags, type, geometry);
    }

    private static object DecodeValue(byte[] b)
    {
        var at = 0;
        var (field, _) = Key(b, ref at);
        return field switch
        {
            1 => Encoding.UTF8.GetString(Bytes(b, ref at)),
            3 => BitConverter.ToDouble(b, at),
            5 => (long)Varint(b, ref at),
            6 => (long)ZigZag64(Varint(b, ref at)),
            7 => Varint(b, ref at) != 0,
            _ => throw new InvalidDataException($"value field {field}"),
        };
    }

    private static IEnumerable<int> Packed(byte[] b)
    {
        var at = 0;
        var list = new List<int>();
        while (at < b.Length)
            list.Add((int)Varint(b, ref at));
        return list;
    }

    private static (int Field, int Wire) Key(byte[] b, ref int at)
    {
        var key = Varint(b, ref at);
        return ((int)(key >> 3), (int)(key & 7));
    }

    private static byte[] Bytes(byte[] b, ref int at)
    {
        var length = (int)Varint(b, ref at);
        var bytes = b[at..(at + length)];
        at += length;
        return bytes;
    }

    private static ulong Varint(byte[] b, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var x = b[at++];
            value |= (ulong)(x & 0x7F) << shift;
            if (x < 0x80)
                return value;
        }
    }

    private static int ZigZag(int v) => (int)((uint)v >> 1) ^ -(v & 1);

    private static long ZigZag64(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
