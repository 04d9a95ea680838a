using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
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
        Manifest = DefaultData.BuiltIn(layout);
        CacheDirectory = layout.CacheDirectory();
        Data = await DefaultData.LoadAsync(layout, manifest: Manifest);
        Store = new EmbeddedSpatialStore(Data);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class RealDataCollection : ICollectionFixture<RealDataSet>
{
    public const string Name = "real data";
}
