using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Tests.RealData;

/// <summary>
/// The project's default data set, obtained through the source manifest (from ../shared/geodata into the
/// cache) and loaded once for every test in the collection. Missing data fails these tests loudly.
/// </summary>
public sealed class RealDataSet : IAsyncLifetime
{
    public DataSet Data { get; private set; } = null!;
    public EmbeddedSpatialStore Store { get; private set; } = null!;
    public SourceManifest Manifest { get; private set; } = null!;
    public string CacheDirectory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var layout = ProjectLayout.Locate();
        Manifest = SourceManifest.Load(layout.ManifestPath);
        CacheDirectory = layout.CacheDirectory();
        var fetcher = new DataFetcher(Manifest, CacheDirectory, layout.MirrorDirectories(Manifest));
        var aliases = MunicipalityNameAliases.Load(Path.Combine(layout.Root, "geodata", MunicipalityNameAliases.FileName));
        Data = await new DataSetLoader(Manifest, fetcher, aliases).LoadAsync();
        Store = new EmbeddedSpatialStore(Data);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class RealDataCollection : ICollectionFixture<RealDataSet>
{
    public const string Name = "real data";
}
