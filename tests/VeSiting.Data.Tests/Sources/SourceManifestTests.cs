using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Sources;

public sealed class SourceManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_project_manifest_lists_every_shared_file_with_its_published_checksum()
    {
        var layout = ProjectLayout.Locate();
        var manifest = SourceManifest.Load(layout.ManifestPath);
        // ../shared/geodata/SHA256SUMS is the publisher-side list; the manifest must agree with it line by line.
        var sums = File.ReadAllLines(Path.Combine(layout.Root, "..", "shared", "geodata", "SHA256SUMS"))
            .Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);

        Assert.Equal(sums.Count, manifest.Sources.Count);
        Assert.All(manifest.Sources, s => Assert.Equal(sums[s.File], s.Sha256));
        Assert.All(manifest.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Attribution)));
        Assert.All(manifest.Sources, s => Assert.True(s.Upstream is not null || s.DerivedFrom is not null, $"{s.Id} names no upstream and no derivation"));
    }

    [Theory]
    [InlineData("""{"sources": []}""", "lists no sources")]
    [InlineData("""{"sources": [{"id":"a","file":"../x","importer":"i","title":"t","sha256":"0000000000000000000000000000000000000000000000000000000000000000","licence":"l","attribution":"a"}]}""", "relative path")]
    [InlineData("""{"sources": [{"id":"a","file":"x","importer":"i","title":"t","sha256":"abc","licence":"l","attribution":"a"}]}""", "64 hexadecimal")]
    [InlineData("""{"sources": [""", "not a valid source manifest")]
    public void A_broken_manifest_is_a_clear_error(string json, string expected)
    {
        var path = _temp.Write("sources.json", json);
        var e = Assert.Throws<InvalidDataException>(() => SourceManifest.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
