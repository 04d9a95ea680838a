using Microsoft.Extensions.Options;
using VeSiting.Api.Hosting.Logging;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers;
using VeSiting.Data.Loading;
using VeSiting.Data.Projects;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// The store (embedded by default, PostGIS when configured) and the rule library the service answers from. On PostGIS
/// the instance keeps no state of its own: published rules, saved projects and import jobs are in the database, so any
/// number of instances behind a proxy give the same answers.
/// </summary>
public sealed class ServiceData(IOptions<VeSitingOptions> options, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<ServiceData> logger) : IAsyncDisposable
{
    private readonly AsyncLocal<ISpatialStore?> _requestStore = new();
    private volatile ISpatialStore? _store;
    private volatile RuleLibrary? _rules;
    private RulePublisher? _publisher;
    private IProjectStore? _projects;
    private IImportJobHistory? _importHistory;
    private string? _rulesCopy;

    /// <summary>The store of the current request: on PostGIS, pinned to one data version for the whole request (<see cref="PinToOneVersion"/>).</summary>
    public ISpatialStore Store => _requestStore.Value ?? _store ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>The store shared by every request (not pinned), or null before it is loaded.</summary>
    public ISpatialStore? StoreIfLoaded => _store;
    public RuleLibrary Rules => _rules ?? throw new InvalidOperationException("The rules are not loaded yet.");
    public string StoreKind { get; private set; } = "embedded";
    /// <summary>Saved projects: in PostGIS when the service runs on it, else in the state folder.</summary>
    public IProjectStore Projects => _projects ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>Imports started over HTTP: in PostGIS when the service runs on it, else in memory.</summary>
    public IImportJobHistory ImportHistory => _importHistory ?? throw new InvalidOperationException("The data is not loaded yet.");
    /// <summary>The primary and the read replicas, when the service runs on PostGIS.</summary>
    public PostGisDatabase? PostGis { get; private set; }
    /// <summary>The national households and their zones per tariff scenario, kept for the current data edition (the impact answers).</summary>
    public Core.Tariffs.Impact.ProposalImpactCache Impacts { get; } = new();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var layout = ProjectLayout.Locate();
        var geodata = Path.Combine(layout.Root, "geodata");
        if (database.Value.Open() is { } postgis)
        {
            StoreKind = "postgis";
            PostGis = postgis;
            _projects = new PostGisProjectStore(PostGis.Writes, PostGis.Reads);
            _importHistory = new PostGisImportJobHistory(PostGis.Writes, PostGis.Reads);
            _store = await PostGisSpatialStore.OpenAsync(PostGis.Reads, ownsDataSource: false, log: m => HostingLog.StoreWarning(logger, m), cancellationToken: cancellationToken);
            // This instance's copy of the published rules; the database is the record.
            _rulesCopy = Directory.CreateTempSubdirectory("vesiting-rules-").FullName;
            _publisher = new RulePublisher(geodata, options.Value.RuleFolders, _rulesCopy, new PostGisRuleArchive(PostGis.Writes, PostGis.Reads));
            _rules = await _publisher.RefreshAsync(cancellationToken) ?? _publisher.Load();
            HostingLog.ServingPostGis(logger, PostGis.Description, _store.Version.Id);
            return;
        }
        _publisher = new RulePublisher(geodata, options.Value.RuleFolders, Path.Combine(StateDirectory(layout), "rules"));
        _rules = _publisher.Load();
        _projects = new FileProjectStore(Path.Combine(StateDirectory(layout), "projects"));
        _importHistory = new InMemoryImportJobHistory();
        var started = time.GetTimestamp();
        var data = await LoadDataSetAsync(null, cancellationToken);
        _store = new EmbeddedSpatialStore(data);
        HostingLog.LoadedEmbedded(logger, data.Version.Id, time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// On PostGIS, gives the rest of the current request (the caller's async flow) a view of the store pinned to the data
    /// version in force now; dispose it when the request ends. Null on the embedded engine, which switches versions whole.
    /// </summary>
    public IAsyncDisposable? PinToOneVersion()
    {
        if (_store is not IPinnableStore shared)
            return null;
        var pinned = shared.Pinned();
        _requestStore.Value = pinned.Store;
        return pinned;
    }

    /// <summary>Picks up what other instances or processes did: a newly imported data version, newly published rules.</summary>
    public async Task<(bool NewVersion, bool NewRules)> RefreshAsync(CancellationToken cancellationToken)
    {
        var newVersion = _store is IVersionedStore store && await store.RefreshVersionAsync(cancellationToken);
        var rules = _publisher is null ? null : await _publisher.RefreshAsync(cancellationToken);
        if (rules is not null)
            _rules = rules;
        return (newVersion, rules is not null);
    }

    /// <summary>Validates and publishes a rule file; answers use it from the next request on (on every instance, once they have looked).</summary>
    public async Task<string> PublishRulesAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var publisher = _publisher ?? throw new InvalidOperationException("The rules are not loaded yet.");
        var (fileName, library) = await publisher.PublishAsync(json, cancellationToken);
        _rules = library;
        return fileName;
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable store)
            await store.DisposeAsync();
        if (PostGis is not null)
            await PostGis.DisposeAsync();
        if (_rulesCopy is not null && Directory.Exists(_rulesCopy))
            Directory.Delete(_rulesCopy, recursive: true);
    }

    /// <summary>Where the service keeps what it writes: configured, or .data in the repository (ignored by git).</summary>
    public string StateDirectory(ProjectLayout layout) =>
        options.Value.StateDirectory is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(layout.Root, ".data");

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

    private (RuleLibrary Rules, DateOnly Today, SchemeDistanceBook Book)? _distances;

    /// <summary>The service's local date: the rules in force and the default price year follow it.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The scheme distances of the rules in force (re-made when rules are published or the day changes): tiles, legends, classification.</summary>
    public SchemeDistanceBook SchemeDistances
    {
        get
        {
            var today = Today;
            var cached = _distances;
            if (cached is { } c && ReferenceEquals(c.Rules, Rules) && c.Today == today)
                return c.Book;
            var book = new SchemeDistanceBook(Rules.Rules, today);
            _distances = (Rules, today, book);
            return book;
        }
    }

    /// <summary>A short hash of every rule set in force: tiles drawn from the rules carry it in their ETag and cache key.</summary>
    public string RulesFingerprint => SchemeDistances.Fingerprint;

    /// <summary>An assessment context for a request: the configured or requested price year (the latest earlier stack carried forward) and scenarios.</summary>
    public AssessmentContext Context(int? year = null, IReadOnlyList<string>? scenarioIds = null)
    {
        var today = Today;
        var stackYear = year ?? options.Value.Year ?? today.Year;
        var prices = PriceStackChoice.For(Rules.PriceStacks, stackYear)
            ?? throw new ProblemException("year", PriceStackChoice.NoStackReason(Rules.PriceStacks, stackYear));
        var scenarios = scenarioIds is { Count: > 0 }
            ? scenarioIds.Select(id => Rules.Scenarios.TryGetValue(id, out var s) ? s
                : throw new ProblemException("scenario", $"'{id}' is not one of {string.Join(", ", Rules.Scenarios.Keys.Order())}")).ToList()
            : Rules.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new AssessmentContext(Store, Rules.Rules, prices, scenarios, today);
    }
}
