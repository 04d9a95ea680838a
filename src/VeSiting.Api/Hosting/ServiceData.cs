using Microsoft.Extensions.Options;
using VeSiting.Core.Assessments;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Loading;
using VeSiting.Data.Projects;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>The store (embedded by default, PostGIS when configured) and the rule library the service answers from.</summary>
public sealed class ServiceData(IOptions<VeSitingOptions> options, ILogger<ServiceData> logger)
{
    private volatile ISpatialStore? _store;
    private volatile RuleLibrary? _rules;
    private RulePublisher? _publisher;
    private IProjectStore? _projects;

    public ISpatialStore Store => _store ?? throw new InvalidOperationException("The data is not loaded yet.");
    public ISpatialStore? StoreIfLoaded => _store;
    public RuleLibrary Rules => _rules ?? throw new InvalidOperationException("The rules are not loaded yet.");
    public string StoreKind { get; private set; } = "embedded";
    /// <summary>Saved projects: in PostGIS when the service runs on it, else in the state folder.</summary>
    public IProjectStore Projects => _projects ?? throw new InvalidOperationException("The data is not loaded yet.");

    public string? ConnectionString => WithCommandTimeout(
        options.Value.Database is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("VESITING_DB") is { Length: > 0 } fromEnv ? fromEnv : null);

    /// <summary>Applies VeSiting:DatabaseCommandTimeoutSeconds, when set, over the connection string's own Command Timeout.</summary>
    private string? WithCommandTimeout(string? connectionString) =>
        connectionString is null || options.Value.DatabaseCommandTimeoutSeconds is not { } seconds ? connectionString
        : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = seconds }.ConnectionString;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var layout = ProjectLayout.Locate();
        _publisher = new RulePublisher(Path.Combine(layout.Root, "geodata"), options.Value.RuleFolders, Path.Combine(StateDirectory(layout), "rules"));
        _rules = _publisher.Load();
        if (ConnectionString is { } connectionString)
        {
            StoreKind = "postgis";
            _projects = new PostGisProjectStore(PostGisConnection.CreateDataSource(connectionString));
            _store = await PostGisSpatialStore.OpenAsync(connectionString, log: m => logger.LogWarning("{Message}", m), cancellationToken: cancellationToken);
            logger.LogInformation("Serving PostGIS at {Database}, data version {Version}", PostGisConnection.Describe(connectionString), _store.Version.Id);
            return;
        }
        _projects = new FileProjectStore(Path.Combine(StateDirectory(layout), "projects"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = await LoadDataSetAsync(null, cancellationToken);
        _store = new EmbeddedSpatialStore(data);
        logger.LogInformation("Loaded data version {Version} into the embedded engine in {Seconds:0.00} s", data.Version.Id, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Validates and publishes a rule file; answers use it from the next request on.</summary>
    public async Task<string> PublishRulesAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var publisher = _publisher ?? throw new InvalidOperationException("The rules are not loaded yet.");
        var (fileName, library) = await publisher.PublishAsync(json, cancellationToken);
        _rules = library;
        return fileName;
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

    /// <summary>An assessment context for a request: the configured or requested price year and scenarios.</summary>
    public AssessmentContext Context(int? year = null, IReadOnlyList<string>? scenarioIds = null)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var stackYear = year ?? options.Value.Year ?? today.Year;
        if (!Rules.PriceStacks.ContainsKey(stackYear))
            throw new ProblemException("year", $"no price stack for {stackYear}; available: {string.Join(", ", Rules.PriceStacks.Keys.Order())}");
        var scenarios = scenarioIds is { Count: > 0 }
            ? scenarioIds.Select(id => Rules.Scenarios.TryGetValue(id, out var s) ? s
                : throw new ProblemException("scenario", $"'{id}' is not one of {string.Join(", ", Rules.Scenarios.Keys.Order())}")).ToList()
            : Rules.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new AssessmentContext(Store, Rules.Rules, Rules.PriceStack(stackYear), scenarios, today);
    }
}
