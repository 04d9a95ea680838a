using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Importers.Osm.Pbf;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// The parallel PBF decoder against two independent readers of the same file (the Samsø extract made PBF by osmium-tool):
/// OsmSharp's PBF reader element for element, and osmium's own counts (<c>osmium fileinfo -e</c>).
/// </summary>
public sealed class PbfFileTests(SamsoeExtractFiles files) : IClassFixture<SamsoeExtractFiles>
{
    [Fact]
    public void Every_element_equals_OsmSharps_reading_in_file_order()
    {
        List<string> expected;
        using (var stream = File.OpenRead(files.Pbf))
            expected = new PBFOsmStreamSource(stream).Select(Describe).ToList();
        var decoded = Decoded(files.Pbf);

        Assert.Equal(expected.Count, decoded.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == decoded[i], $"element {i}: OsmSharp {expected[i]}, decoder {decoded[i]}");
        // More than one block, so the parallel decoding and the ordering are exercised.
        using var again = File.OpenRead(files.Pbf);
        Assert.True(new PbfFile(again).Blocks().Count() > 2);
    }

    [Fact]
    public void Counts_equal_osmiums()
    {
        using var osmium = Process.Start(new ProcessStartInfo("osmium", ["fileinfo", "-e", "-j", files.Pbf]) { RedirectStandardOutput = true })!;
        var json = JsonDocument.Parse(osmium.StandardOutput.ReadToEnd());
        osmium.WaitForExit();
        Assert.Equal(0, osmium.ExitCode);
        var count = json.RootElement.GetProperty("data").GetProperty("count");

        var decoded = Decoded(files.Pbf);
        Assert.Equal(count.GetProperty("nodes").GetInt64(), decoded.Count(d => d.StartsWith('n')));
        Assert.Equal(count.GetProperty("ways").GetInt64(), decoded.Count(d => d.StartsWith('w')));
        Assert.Equal(count.GetProperty("relations").GetInt64(), decoded.Count(d => d.StartsWith('r')));
    }

    [Fact]
    public void A_corrupt_block_fails_the_import_naming_the_block_and_its_byte()
    {
        var bytes = File.ReadAllBytes(files.Pbf);
        // Block 2 (the header block is 0): found by walking the length prefixes and each header's datasize (field 3).
        var (offset, dataStart, dataSize) = BlockAt(bytes, 2);
        Array.Fill(bytes, (byte)0xFF, dataStart, dataSize);
        var corrupt = Path.Combine(files.Folder, "corrupt.osm.pbf");
        File.WriteAllBytes(corrupt, bytes);

        var failure = Assert.Throws<ImportFailedException>(() => new OsmReader().Read(corrupt, "osm"));
        var error = Assert.Single(failure.Errors);
        Assert.Equal("corrupt.osm.pbf", error.File);
        Assert.Contains("breaks off or is corrupt after element", error.Reason);
        Assert.Contains($"block 2 (starting at byte {offset:N0})", error.Reason);
    }

    [Fact]
    public void A_file_cut_inside_a_block_fails_naming_that_block()
    {
        var bytes = File.ReadAllBytes(files.Pbf);
        var (offset, dataStart, _) = BlockAt(bytes, 3);
        var cut = Path.Combine(files.Folder, "cut-in-block.osm.pbf");
        File.WriteAllBytes(cut, bytes[..(dataStart + 10)]);

        var failure = Assert.Throws<ImportFailedException>(() => new OsmReader().Read(cut, "osm"));
        var reason = Assert.Single(failure.Errors).Reason;
        Assert.Contains($"block 3 (starting at byte {offset:N0}): the file ends inside the block's", reason);
    }

    /// <summary>Each element as text: kind and id, position in 100-nanodegree units, tags sorted, way nodes, relation members.</summary>
    private static string Describe(OsmGeo element) => element switch
    {
        Node n => $"n{n.Id} x{Math.Round(n.Longitude!.Value * 1e7)} y{Math.Round(n.Latitude!.Value * 1e7)} {Tags(n.Tags)}",
        Way w => $"w{w.Id} {Tags(w.Tags)} N{string.Join(',', w.Nodes)}",
        Relation r => $"r{r.Id} {Tags(r.Tags)} M{string.Join(',', r.Members.Select(m => $"{m.Type}{m.Id}@{m.Role}"))}",
        _ => throw new InvalidOperationException(),
    };

    private static string Tags(TagsCollectionBase? tags) =>
        "T" + string.Join(',', (tags ?? new TagsCollection()).Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));

    private static List<string> Decoded(string path)
    {
        using var stream = File.OpenRead(path);
        var described = new List<string>();
        foreach (var group in new PbfFile(stream).Blocks().SelectMany(b => b.Groups))
        {
            if (group.Nodes is { } nodes)
            {
                for (var i = 0; i < nodes.Count; i++)
                    described.Add($"n{nodes.Ids[i]} x{nodes.Lons[i]} y{nodes.Lats[i]} {Tags(nodes.Tags?[i])}");
            }
            described.AddRange((group.Elements ?? []).Select(Describe));
        }
        return described;
    }

    /// <summary>Where block <paramref name="index"/> starts, and where and how long its blob is (fileformat.proto, read by hand).</summary>
    private static (int Offset, int DataStart, int DataSize) BlockAt(byte[] file, int index)
    {
        var at = 0;
        for (var block = 0; ; block++)
        {
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var header = file.AsSpan(at + 4, headerLength);
            var dataSize = -1;
            for (var i = 0; i < header.Length;)
            {
                var key = header[i++];
                if (key == 0x18) // field 3 (datasize), varint
                {
                    dataSize = 0;
                    for (var shift = 0; ; shift += 7)
                    {
                        var b = header[i++];
                        dataSize |= (b & 0x7F) << shift;
                        if (b < 0x80)
                            break;
                    }
                }
                else // fields 1 (type) and 2 (indexdata): length-delimited, lengths under 128 here
                    i += 1 + header[i];
            }
            if (block == index)
                return (at, at + 4 + headerLength, dataSize);
            at += 4 + headerLength + dataSize;
        }
    }
}
