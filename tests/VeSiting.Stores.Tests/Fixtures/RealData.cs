using VeSiting.Core.Stores;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>The project's default data set, obtained through the manifest and loaded once per test run.</summary>
public static class RealData
{
    private static readonly Lazy<Task<DataSet>> Loaded = new(LoadAsync);

    public static Task<DataSet> GetAsync() => Loaded.Value;

    private static async Task<DataSet> LoadAsync()
    {
        var layout = ProjectLayout.Locate();
        var manifest = SourceManifest.Load(layout.ManifestPath);
        var fetcher = new DataFetcher(manifest, layout.CacheDirectory(), layout.MirrorDirectories(manifest));
        var aliases = MunicipalityNameAliases.Load(Path.Combine(layout.Root, "geodata", MunicipalityNameAliases.FileName));
        return await new DataSetLoader(manifest, fetcher, aliases).LoadAsync();
    }
}
