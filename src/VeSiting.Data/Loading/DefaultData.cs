using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>The project's default data set: manifest, cache and mirrors as configured, fetched where missing, imported and checked.</summary>
public static class DefaultData
{
    public static async Task<DataSet> LoadAsync(ProjectLayout layout, string? cacheDirectory = null, IReadOnlyList<string>? mirrors = null,
        IProgress<FetchProgress>? fetchProgress = null, CancellationToken cancellationToken = default)
    {
        var manifest = SourceManifest.Load(layout.ManifestPath);
        var fetcher = new DataFetcher(manifest, layout.CacheDirectory(cacheDirectory), layout.MirrorDirectories(manifest, mirrors));
        var aliasesPath = Path.Combine(layout.Root, "geodata", MunicipalityNameAliases.FileName);
        var aliases = File.Exists(aliasesPath) ? MunicipalityNameAliases.Load(aliasesPath) : MunicipalityNameAliases.None;
        return await new DataSetLoader(manifest, fetcher, aliases).LoadAsync(fetchProgress, cancellationToken: cancellationToken);
    }
}
