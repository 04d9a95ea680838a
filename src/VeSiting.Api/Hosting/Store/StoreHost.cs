using VeSiting.Api.Hosting.Logging;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers;
using VeSiting.Data.Loading;
using VeSiting.Data.Projects;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// The store the service answers from (embedded by default, PostGIS when configured) and what the service writes beside
/// it (saved projects, import history). On PostGIS the instance keeps no state of its own, so any number of instances
/// behind a proxy give the same answers. The store's optional abilities are the core's interfaces: per-request version
/// pinning through <see cref="IPinnableStore"/>, picking up new versions through <see cref="IVersionedStore"/>.
/// </summary>
public sealed class StoreHost(IOptions<VeSitingOptions> options, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<StoreHost> logger) : IAsyncDisposable
{
    private readonly AsyncLocal<ISpatialStore?> _requestStore = new();
    private volatile ISpatialStore? _store;
    private IProjectStore? _projects;
    private IImportJobHistory? _importHistory;

    /// <summary>The store of the current request: pinned to one data version for the whole request when the store can be (<see cref="PinToOneVersion"/>).</summary>
    public ISpatialStore Store => _requestStore.Value ?? _store ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>The store shared by every request (not pinned), or null before it is loaded.</summary>
    public ISpatialStore? StoreIfLoaded => _store;
    public string StoreKind { get; private set; } = "embedded";
    /// <summary>Saved projects: in PostGIS when the service runs on it, else in the state folder.</summary>
    public IProjectStore Projects => _projects ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>Imports started over HTTP: in PostGIS when the service runs on it, else in memory.</summary>
    public IImportJobHistory ImportHistory => _importHistory ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>The primary and the read replicas, when the service runs on PostGIS.</summary>
    public PostGisDatabase? PostGis { get; private set; }

    /// <summary>Connects to PostGIS when it is configured (the rules host keeps its archive there too); null: the embedded engine.</summary>
    public PostGisDatabase? OpenDatabase()
    {
        if (PostGis is null && database.Value.Open() is { } postgis)
        {
            StoreKind = "postgis";
            PostGis = postgis;
        }
        return PostGis;
    }

    /// <summary>Opens the PostGIS store, or fetches, reads and indexes every source into the embedded engine.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (OpenDatabase() is { } postgis)
        {
            _projects = new PostGisProjectStore(postgis.Writes, postgis.Reads);
            _importHistory = new PostGisImportJobHistory(postgis.Writes, postgis.Reads);
            _store = await postgis.OpenStoreAsync(m => HostingLog.StoreWarning(logger, m), cancellationToken);
            HostingLog.ServingPostGis(logger, postgis.Description, _store.Version.Id);
            return;
        }
        _projects = new FileProjectStore(Path.Combine(options.Value.StateDirectoryIn(ProjectLayout.Locate()), "projects"));
        _importHistory = new InMemoryImportJobHistory();
        var started = time.GetTimestamp();
        var data = await LoadDataSetAsync(null, cancellationToken);
        _store = new EmbeddedSpatialStore(data);
        HostingLog.LoadedEmbedded(logger, data.Version.Id, time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Gives the rest of the current request (the caller's async flow) a view of the store pinned to the data version in
    /// force now; dispose it when the request ends. Null when the store cannot pin (the embedded engine switches versions whole).
    /// </summary>
    public IAsyncDisposable? PinToOneVersion()
    {
        if (_store is not IPinnableStore shared)
            return null;
        var pinned = shared.Pinned();
        _requestStore.Value = pinned.Store;
        return pinned;
    }

    /// <summary>Picks up a data version imported by another instance or process; false when there is none (or the store has no versions to follow).</summary>
    public async Task<bool> RefreshVersionAsync(CancellationToken cancellationToken) =>
        _store is IVersionedStore store && await store.RefreshVersionAsync(cancellationToken);

    /// <summary>Fetches (from the mirrors into the cache, checksums verified) and reads every source: the editions in use, or those of the given manifest.</summary>
    public Task<DataSet> LoadDataSetAsync(IProgress<FetchProgress>? progress, CancellationToken cancellationToken, SourceManifest? manifest = null) =>
        DefaultData.LoadAsync(ProjectLayout.Locate(), options.Value.CacheDirectory, options.Value.MirrorFolders is { Length: > 0 } m ? m : null, progress, cancellationToken, manifest);

    /// <summary>The built-in sources and the files added over them (the cache's overlay).</summary>
    public SourceEditions Editions() => DefaultData.Editions(ProjectLayout.Locate(), options.Value.CacheDirectory);

    /// <summary>Switches the embedded engine to newly loaded data; requests in flight finish on the old one.</summary>
    public void ReplaceEmbedded(DataSet data)
    {
        if (StoreKind != "embedded")
            throw new InvalidOperationException("Only the embedded engine is replaced in process; PostGIS imports are picked up by version.");
        _store = new EmbeddedSpatialStore(data);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable store)
            await store.DisposeAsync();
        if (PostGis is not null)
            await PostGis.DisposeAsync();
    }
}
