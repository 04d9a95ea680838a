using System.IO.Compression;
using System.Security;

namespace VeSiting.Data.Exports;

/// <summary>One float band of a GeoTIFF: a name (written as the band's description) and row-major values, north row first.</summary>
public sealed record GeoTiffBand(string Name, Func<long, float> Value);

/// <summary>
/// Writes a float32 GeoTIFF in EPSG:25832: one band per <see cref="GeoTiffBand"/> (planar, deflate-compressed strips),
/// NaN written as the nodata value <see cref="NoData"/> (declared in GDAL's nodata tag), band names in GDAL's metadata
/// tag, and the GeoKeys GDAL and QGIS read (projected, pixel is area, EPSG:25832, metres). Written by hand because no
/// package on the registry writes GeoKeys without a native GDAL; classic TIFF, so at most 4 GB.
/// </summary>
public static class GeoTiffWriter
{
    public const float NoData = -9999;
    private const int RowsPerStrip = 16;

    public static void Write(Stream output, int columns, int rows, double west, double north, double cellSize, int epsg, IReadOnlyList<GeoTiffBand> bands, CancellationToken cancellationToken = default)
    {
        if (columns <= 0 || rows <= 0 || bands.Count == 0)
            throw new ArgumentException("a GeoTIFF needs at least one cell and one band");
        var stripsPerBand = (rows + RowsPerStrip - 1) / RowsPerStrip;
        var offsets = new List<long>();
        var counts = new List<long>();
        using var writer = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true);
        writer.Write("II"u8);
        writer.Write((ushort)42);
        writer.Write(0u); // IFD offset, patched at the end
        foreach (var band in bands)
        {
            var strips = new byte[stripsPerBand][];
            Parallel.For(0, stripsPerBand, new ParallelOptions { CancellationToken = cancellationToken }, s => strips[s] = Strip(band, columns, rows, s));
            foreach (var strip in strips)
            {
                offsets.Add(output.Position);
                counts.Add(strip.Length);
                writer.Write(strip);
            }
        }
        var metadata = "<GDALMetadata>" + string.Concat(bands.Select((b, i) =>
            $"<Item name=\"DESCRIPTION\" sample=\"{i}\" role=\"description\">{SecurityElement.Escape(b.Name)}</Item>")) + "</GDALMetadata>";
        var spp = (ushort)bands.Count;
        var entries = new List<Entry>
        {
            Entry.Long(256, (uint)columns),
            Entry.Long(257, (uint)rows),
            Entry.Shorts(258, Enumerable.Repeat((ushort)32, spp)),
            Entry.Short(259, 8),                 // Adobe deflate (zlib)
            Entry.Short(262, 1),                 // BlackIsZero
            Entry.Longs(273, offsets.Select(Checked)),
            Entry.Short(277, spp),
            Entry.Long(278, RowsPerStrip),
            Entry.Longs(279, counts.Select(Checked)),
            Entry.Short(284, 2),                 // planar: one band after the other
            Entry.Shorts(339, Enumerable.Repeat((ushort)3, spp)), // IEEE float
            Entry.Doubles(33550, [cellSize, cellSize, 0]),          // ModelPixelScale
            Entry.Doubles(33922, [0, 0, 0, west, north, 0]),        // ModelTiepoint: the north-west corner
            Entry.Shorts(34735, [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, (ushort)epsg, 3076, 0, 1, 9001]),
            Entry.Ascii(42112, metadata),
            Entry.Ascii(42113, NoData.ToString(CultureInfo.InvariantCulture)),
        };
        if (spp > 1)
            entries.Insert(entries.FindIndex(e => e.Tag == 339), Entry.Shorts(338, Enumerable.Repeat((ushort)0, spp - 1)));
        WriteDirectory(output, writer, entries);
    }

    private static byte[] Strip(GeoTiffBand band, int columns, int rows, int strip)
    {
        var from = strip * RowsPerStrip;
        var to = Math.Min(rows, from + RowsPerStrip);
        var raw = new byte[(to - from) * columns * 4];
        var span = raw.AsSpan();
        var k = 0;
        for (var r = from; r < to; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var v = band.Value((long)r * columns + c);
                BitConverter.TryWriteBytes(span.Slice(k, 4), float.IsNaN(v) ? NoData : v);
                k += 4;
            }
        }
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(raw);
        return packed.ToArray();
    }

    private static uint Checked(long value) => value <= uint.MaxValue ? (uint)value : throw new InvalidOperationException("the GeoTIFF would exceed 4 GB; choose a larger cell or a smaller area");

    private static void WriteDirectory(Stream output, BinaryWriter writer, List<Entry> entries)
    {
        if (output.Position % 2 == 1) writer.Write((byte)0);
        // Values longer than 4 bytes go before the directory; the directory then points at them.
        var valueOffsets = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Bytes.Length <= 4) continue;
            valueOffsets[i] = output.Position;
            writer.Write(entries[i].Bytes);
            if (output.Position % 2 == 1) writer.Write((byte)0);
        }
        var directory = output.Position;
        writer.Write((ushort)entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            writer.Write(e.Tag);
            writer.Write(e.Type);
            writer.Write(e.Count);
            if (e.Bytes.Length <= 4)
            {
                writer.Write(e.Bytes);
                for (var p = e.Bytes.Length; p < 4; p++) writer.Write((byte)0);
            }
            else
                writer.Write(Checked(valueOffsets[i]));
        }
        writer.Write(0u); // no further directory
        output.Position = 4;
        writer.Write(Checked(directory));
        output.Seek(0, SeekOrigin.End);
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Bytes)
    {
        public static Entry Short(ushort tag, ushort value) => Shorts(tag, [value]);
        public static Entry Long(ushort tag, uint value) => Longs(tag, [value]);
        public static Entry Shorts(ushort tag, IEnumerable<ushort> values) { var v = values.ToArray(); return new(tag, 3, (uint)v.Length, v.SelectMany(BitConverter.GetBytes).ToArray()); }
        public static Entry Longs(ushort tag, IEnumerable<uint> values) { var v = values.ToArray(); return new(tag, 4, (uint)v.Length, v.SelectMany(BitConverter.GetBytes).ToArray()); }
        public static Entry Doubles(ushort tag, double[] values) => new(tag, 12, (uint)values.Length, values.SelectMany(BitConverter.GetBytes).ToArray());
        public static Entry Ascii(ushort tag, string text) { var b = Encoding.ASCII.GetBytes(text + "\0"); return new(tag, 2, (uint)b.Length, b); }
    }
}
