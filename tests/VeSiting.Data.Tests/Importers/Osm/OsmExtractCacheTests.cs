using VeSiting.Data.Importers.Osm;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// The binary cache beside an OSM file gives back exactly what the reader took from the file (the reader's own result is
/// the reference: the cache must change nothing), and is not used once the file changes.
/// </summary>
public sealed class OsmExtractCacheTests(SamsoeExtractFiles files) : IClassFixture<SamsoeExtractFiles>
{
    [Fact]
    public void The_cached_extract_equals_the_files_record_for_record()
    {
        var path = Path.Combine(files.Folder, "cached.osm.pbf");
        File.Copy(files.Pbf, path, overwrite: true);
        var read = new OsmReader().Read(path, "osm");
        OsmExtractCache.TryWrite(path, read);

        var cached = OsmExtractCache.TryRead(path, "osm");

        Assert.NotNull(cached);
        var (a, b) = (read.Records.Single(), cached.Records.Single());
        Assert.Equal(a.Addresses, b.Addresses, (x, y) => x with { Position = y.Position } == y && x.Position.EqualsExact(y.Position));
        Assert.Equal(a.Buildings, b.Buildings);
        Assert.All(b.Buildings, x => Assert.True(x.Footprint.IsValid));
        Assert.Equal(a.Plants.Count, b.Plants.Count);
        Assert.All(a.Plants.Zip(b.Plants), p => Assert.True(p.First with { Geometry = p.Second.Geometry } == p.Second && p.First.Geometry.EqualsExact(p.Second.Geometry)));
        Assert.Equal(read.Issues, cached.Issues);
        // Findings come back as codes and values, so a cached report is written in the report's language too.
        Assert.NotEmpty(cached.Issues);
        Assert.All(cached.Issues.Zip(read.Issues), p => Assert.Equal(p.Second.Because?.Render(Core.Explanations.MessageCatalogue.Danish), p.First.Because?.Render(Core.Explanations.MessageCatalogue.Danish)));
        Assert.All(cached.Issues, i => Assert.NotNull(i.Because));
        // Another source id given to the same file: the records name it.
        Assert.All(OsmExtractCache.TryRead(path, "osm-2")!.Records.Single().Buildings, x => Assert.Equal("osm-2", x.Origin.SourceId));
    }

    [Fact]
    public void Records_spilled_while_the_file_is_read_equal_those_held_in_memory_and_the_spill_is_removed()
    {
        var folder = Path.Combine(files.Folder, "spill");
        Directory.CreateDirectory(folder);

        var held = new OsmReader().Read(files.Pbf, "osm");
        var spilled = new OsmReader().Read(files.Pbf, "osm", spillFolder: folder);

        Assert.Empty(Directory.GetFileSystemEntries(folder));
        var (a, b) = (held.Records.Single(), spilled.Records.Single());
        Assert.Equal(4596, b.Addresses.Count);
        Assert.Equal(a.Addresses, b.Addresses, (x, y) => x with { Position = y.Position } == y && x.Position.EqualsExact(y.Position));
        Assert.Equal(a.Buildings, b.Buildings);
        Assert.Equal(a.Plants.Count, b.Plants.Count);
        Assert.All(a.Plants.Zip(b.Plants), p => Assert.True(p.First with { Geometry = p.Second.Geometry } == p.Second && p.First.Geometry.EqualsExact(p.Second.Geometry)));
        Assert.Equal(held.Issues, spilled.Issues);
    }

    [Fact]
    public void A_changed_file_is_read_again_and_a_damaged_cache_is_ignored()
    {
        var path = Path.Combine(files.Folder, "changed.osm.pbf");
        File.Copy(files.Pbf, path, overwrite: true);
        OsmExtractCache.TryWrite(path, new OsmReader().Read(path, "osm"));
        Assert.NotNull(OsmExtractCache.TryRead(path, "osm"));

        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));
        Assert.Null(OsmExtractCache.TryRead(path, "osm"));

        var extract = OsmExtractCache.ReadOrDecode(path, "osm");
        Assert.Equal(4596, extract.Records.Single().Addresses.Count);
        var cache = path + OsmExtractCache.Suffix;
        File.WriteAllBytes(cache, File.ReadAllBytes(cache)[..(int)(new FileInfo(cache).Length / 2)]);
        Assert.Null(OsmExtractCache.TryRead(path, "osm"));
    }
}
