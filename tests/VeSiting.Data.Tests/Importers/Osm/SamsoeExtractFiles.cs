using System.Diagnostics;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// The Samsø extract (obtained through the manifest) in the four forms an OSM file comes in: the zip as published, the
/// .osm inside it, that .osm compressed with bzip2, and PBF made from it by osmium-tool (Debian's osmium-tool).
/// </summary>
public sealed class SamsoeExtractFiles : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Zip { get; private set; } = null!;
    public string Xml { get; private set; } = null!;
    public string Bzip2 { get; private set; } = null!;
    public string Pbf { get; private set; } = null!;
    public string Folder => _temp.Path;

    public async Task InitializeAsync()
    {
        var layout = ProjectLayout.Locate();
        var (manifest, fetcher) = DefaultData.Sources(layout, manifest: DefaultData.BuiltIn(layout));
        Zip = (await fetcher.FetchAsync(manifest["osm"])).CachedPath;
        Xml = Path.Combine(Folder, "samsoe.osm");
        using (var zip = ZipFile.OpenRead(Zip))
            zip.Entries.Single(e => e.Name.EndsWith(".osm", StringComparison.Ordinal)).ExtractToFile(Xml);
        Bzip2 = Path.Combine(Folder, "samsoe.osm.bz2");
        await using (var input = File.OpenRead(Xml))
        await using (var output = new BZip2OutputStream(File.Create(Bzip2)))
            await input.CopyToAsync(output);
        Pbf = Path.Combine(Folder, "samsoe.osm.pbf");
        using var osmium = Process.Start(new ProcessStartInfo("osmium", ["cat", Xml, "-o", Pbf, "--overwrite"]) { RedirectStandardError = true })!;
        var error = await osmium.StandardError.ReadToEndAsync();
        await osmium.WaitForExitAsync();
        Assert.True(osmium.ExitCode == 0, $"osmium cat failed: {error}");
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
