using VeSiting.Core.Stores;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>The project's default data set: manifest (with the user's added files laid over it), cache and mirrors as configured, fetched where missing, imported and checked.</summary>
public static class DefaultData
{
    /// <summary>Loads the given manifest, by default the built-in one with the cache's overlay of added files applied.</summary>
    public static async Task<DataSet> LoadAsync(ProjectLayout layout, string? cacheDirectory = null, IReadOnlyList<string>? mirrors = null,
        IProgress<FetchProgress>? fetchProgress = null, CancellationToken cancellationToken = default, SourceManifest? manifest = null)
    {
        manifest ??= Editions(layout, cacheDirectory).Current;
        var fetcher = new DataFetcher(manifest, layout.CacheDirectory(cacheDirectory), layout.MirrorDirectories(manifest, mirrors));
        return await new DataSetLoader(manifest, fetcher, Aliases(layout)).LoadAsync(fetchProgress, cancellationToken: cancellationToken);
    }

    /// <summary>The built-in manifest and the cache's overlay of added files.</summary>
    public static SourceEditions Editions(ProjectLayout layout, string? cacheDirectory = null) =>
        new(SourceManifest.Load(layout.ManifestPath), layout.CacheDirectory(cacheDirectory));

    public static MunicipalityNameAliases Aliases(ProjectLayout layout)
    {
        var aliasesPath = Path.Combine(layout.Root, "geodata", MunicipalityNameAliases.FileName);
        return File.Exists(aliasesPath) ? MunicipalityNameAliases.Load(aliasesPath) : MunicipalityNameAliases.None;
    }
}
