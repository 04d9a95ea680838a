using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// The rule library the service answers by, the date it is in force on (the service's local "today", from the registered
/// <see cref="TimeProvider"/>), and rule publication: on PostGIS the database is the record of what was published and
/// this instance keeps a copy; on the embedded engine published rules are kept in the state folder.
/// </summary>
public sealed class RulesHost(IOptions<VeSitingOptions> options, TimeProvider time) : IAsyncDisposable
{
    private volatile RuleLibrary? _rules;
    private RulePublisher? _publisher;
    private string? _rulesCopy;
    private (RuleLibrary Rules, DateOnly Today, SchemeDistanceBook Book)? _distances;

    public RuleLibrary Rules => _rules ?? throw new InvalidOperationException("The rules are not loaded yet.");

    /// <summary>The service's local date: the rules in force and the default price year follow it.</summary>
    public DateOnly Today => time.Today();

    /// <summary>Loads the rules: with <paramref name="postgis"/>, the published ones recorded in the database as well.</summary>
    public async Task LoadAsync(PostGisDatabase? postgis, CancellationToken cancellationToken)
    {
        var layout = ProjectLayout.Locate();
        var geodata = Path.Combine(layout.Root, "geodata");
        if (postgis is not null)
        {
            // This instance's copy of the published rules; the database is the record.
            _rulesCopy = Directory.CreateTempSubdirectory("vesiting-rules-").FullName;
            _publisher = new RulePublisher(geodata, options.Value.RuleFolders, _rulesCopy, new PostGisRuleArchive(postgis.Writes, postgis.Reads));
            _rules = await _publisher.RefreshAsync(cancellationToken) ?? _publisher.Load();
            return;
        }
        _publisher = new RulePublisher(geodata, options.Value.RuleFolders, Path.Combine(options.Value.StateDirectoryIn(layout), "rules"));
        _rules = _publisher.Load();
    }

    /// <summary>Picks up rules published through another instance; true when there were any.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var rules = _publisher is null ? null : await _publisher.RefreshAsync(cancellationToken);
        if (rules is not null)
            _rules = rules;
        return rules is not null;
    }

    /// <summary>Validates and publishes a rule file; answers use it from the next request on (on every instance, once they have looked).</summary>
    public async Task<string> PublishAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var publisher = _publisher ?? throw new InvalidOperationException("The rules are not loaded yet.");
        var (fileName, library) = await publisher.PublishAsync(json, cancellationToken);
        _rules = library;
        return fileName;
    }

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
    public string Fingerprint => SchemeDistances.Fingerprint;

    public ValueTask DisposeAsync()
    {
        if (_rulesCopy is not null && Directory.Exists(_rulesCopy))
            Directory.Delete(_rulesCopy, recursive: true);
        return ValueTask.CompletedTask;
    }
}
