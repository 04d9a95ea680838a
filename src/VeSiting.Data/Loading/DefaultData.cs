using VeSiting.Core.Stores;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>The project's default data set: manifest (with the user's added files laid over it), cache and mirrors as configured, fetched where missing, imported and checked.</summary>
public static class DefaultData
{
    /// <summary>
    /// Loads the given manifest, by default the built-in one with the cache's overlay of added files applied: the one way
    /// the CLI, the service and the tests load data.
    /// </summary>
    public static async Task<DataSet> LoadAsync(ProjectLayout layout, string? cacheDirectory = null, IReadOnlyList<string>? mirrors = null,
        IProgress<FetchProgress>? fetchProgress = null, CancellationToken cancellationToken = default, SourceManifest? manifest = null)
    {
        var (sources, fetcher) = Sources(layout, cacheDirectory, mirrors, manifest);
        return await new DataSetLoader(sources, fetcher, Aliases(layout)).LoadAsync(fetchProgress, cancellationToken: cancellationToken);
    }

    /// <summary>The sources to load (the given manifest, by default the editions in use) and the fetcher for the cache and mirrors.</summary>
    public static (SourceManifest Manifest, DataFetcher Fetcher) Sources(ProjectLayout layout, string? cacheDirectory = null,
        IReadOnlyList<string>? mirrors = null, SourceManifest? manifest = null)
    {
        manifest ??= Editions(layout, cacheDirectory).Current;
        return (manifest, new DataFetcher(manifest, layout.CacheDirectory(cacheDirectory), layout.MirrorDirectories(manifest, mirrors)));
    }

    /// <summary>The built-in manifest alone, without files added over it (the tests load exactly these editions).</summary>
    public static SourceManifest BuiltIn(ProjectLayout layout) => SourceManifest.Load(layout.ManifestPath);

    /// <summary>The built-in manifest and the cache's overlay of added files.</summary>
    public static SourceEditions Editions(ProjectLayout layout, string? cacheDirectory = null) =>
        new(SourceManifest.Load(layout.ManifestPath), layout.CacheDirectory(cacheDirectory));

    public static MunicipalityNameAliases Aliases(ProjectLayout layout)
    {
        var aliasesPath = Path.Combine(layout.Root, "geodata", MunicipalityNameAliases.FileName);
        return File.Exists(aliasesPath) ? MunicipalityNameAliases.Load(aliasesPath) : MunicipalityNameAliases.None;
    }
}
