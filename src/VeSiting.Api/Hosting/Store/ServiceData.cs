using VeSiting.Core.Tariffs;
using VeSiting.Data.Loading;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// What a request answers from: the store of <see cref="StoreHost"/> and the rules of <see cref="RulesHost"/>, and the
/// assessment context made of both. It opens both hosts at start; the hosts themselves own the store and the rules.
/// </summary>
public sealed class ServiceData(StoreHost stores, RulesHost rules, IOptions<VeSitingOptions> options)
{
    public StoreHost Stores => stores;
    public RulesHost RuleHost => rules;

    /// <inheritdoc cref="StoreHost.Store"/>
    public ISpatialStore Store => stores.Store;
    /// <inheritdoc cref="StoreHost.StoreIfLoaded"/>
    public ISpatialStore? StoreIfLoaded => stores.StoreIfLoaded;
    public string StoreKind => stores.StoreKind;
    /// <inheritdoc cref="StoreHost.Projects"/>
    public IProjectStore Projects => stores.Projects;
    /// <inheritdoc cref="StoreHost.ImportHistory"/>
    public IImportJobHistory ImportHistory => stores.ImportHistory;
    /// <inheritdoc cref="StoreHost.PostGis"/>
    public PostGisDatabase? PostGis => stores.PostGis;
    public RuleLibrary Rules => rules.Rules;
    /// <inheritdoc cref="RulesHost.Today"/>
    public DateOnly Today => rules.Today;
    /// <inheritdoc cref="RulesHost.SchemeDistances"/>
    public SchemeDistanceBook SchemeDistances => rules.SchemeDistances;
    /// <inheritdoc cref="RulesHost.Fingerprint"/>
    public string RulesFingerprint => rules.Fingerprint;
    /// <summary>The national households and their zones per tariff scenario, kept for the current data edition (the impact answers).</summary>
    public Core.Tariffs.Impact.ProposalImpactCache Impacts { get; } = new();

    /// <summary>Opens the store and loads the rules. On PostGIS the store first (the rules' archive is in the same database); on the embedded engine the rules first, so that a broken rule file stops the start before the long data load.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (stores.OpenDatabase() is { } postgis)
        {
            await stores.OpenAsync(cancellationToken);
            await rules.LoadAsync(postgis, cancellationToken);
            return;
        }
        await rules.LoadAsync(null, cancellationToken);
        await stores.OpenAsync(cancellationToken);
    }

    /// <inheritdoc cref="RulesHost.PublishAsync"/>
    public Task<string> PublishRulesAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken) => rules.PublishAsync(json, cancellationToken);

    /// <summary>Where the service keeps what it writes: configured, or .data in the repository (ignored by git).</summary>
    public string StateDirectory(ProjectLayout layout) => options.Value.StateDirectoryIn(layout);

    /// <inheritdoc cref="StoreHost.Editions"/>
    public SourceEditions Editions() => stores.Editions();

    /// <summary>An assessment context for a request: the configured or requested price year (the latest earlier stack carried forward) and scenarios.</summary>
    public AssessmentContext Context(int? year = null, IReadOnlyList<string>? scenarioIds = null)
    {
        var today = Today;
        var stackYear = year ?? options.Value.Year ?? today.Year;
        var prices = PriceStackChoice.For(Rules.PriceStacks, stackYear)
            ?? throw RefusalProblems.Invalid("year", PriceStackChoice.NoStack(Rules.PriceStacks, stackYear));
        var scenarios = scenarioIds is { Count: > 0 }
            ? scenarioIds.Select(id => Rules.Scenarios.TryGetValue(id, out var s) ? s
                : throw RefusalProblems.Invalid("scenario", Reason.Of("question.not-one-of", ("value", $"'{id}'"), ("choices", string.Join(", ", Rules.Scenarios.Keys.Order()))))).ToList()
            : Rules.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new AssessmentContext(Store, Rules.Rules, prices, scenarios, today);
    }
}
