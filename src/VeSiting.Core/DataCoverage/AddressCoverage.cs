using VeSiting.Core.Synthetic;

namespace VeSiting.Core.DataCoverage;

/// <summary>
/// Whether the loaded address data covers a municipality: how many addresses it holds there against the dwellings its
/// population implies. Where it holds none or few, answers say so instead of showing a silent zero.
/// </summary>
public sealed record AddressCoverage(AdminArea Municipality, int Addresses, long? Population)
{
    /// <summary>
    /// Addresses per expected dwelling below which the data is taken not to cover a municipality. The national file has
    /// ≈ 2.5 M access addresses for ≈ 2.8 M dwellings (0.9 per dwelling); under a tenth of that is a sample or an extract.
    /// </summary>
    public const double ThinShare = 0.1;

    public const string LoadHint = "load the national file with `vesiting data add dar-addresses …` or OpenStreetMap's Denmark with `vesiting data add osm denmark-latest.osm.pbf`";

    /// <summary>
    /// The sources the municipality's addresses come from (source ids, e.g. <c>dar-addresses</c> or <c>osm</c>): where two
    /// address sources are loaded, each municipality takes one of them (DAR where it covers the municipality).
    /// </summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Which source the municipality's addresses come from, in words; null when it holds none.</summary>
    public string? SourceStatement => SourceReason?.Text;

    /// <summary><see cref="SourceStatement"/> as a code and values.</summary>
    public Reason? SourceReason => Sources.Count == 0
        ? null
        : Reason.Of("coverage.sources", ("code", Municipality.Code), ("name", Municipality.Name),
            ("sources", Sources.SkipLast(1).Reverse().Aggregate(Reason.Plain(Sources[^1]), (rest, first) => Reason.Of("general.and-word", ("first", first), ("rest", rest)))));

    /// <summary>Dwellings the population implies (<see cref="SyntheticDwellings.PersonsPerDwelling"/> persons each), when known.</summary>
    public double? ExpectedDwellings => Population / SyntheticDwellings.PersonsPerDwelling;

    /// <summary>No addresses at all, or fewer than <see cref="ThinShare"/> of the expected dwellings.</summary>
    public bool IsThin => Addresses == 0 || ExpectedDwellings is { } expected && Addresses < ThinShare * expected;

    /// <summary>What an answer says when the coverage is thin; null when the data covers the municipality.</summary>
    public string? Statement => StatementReason?.Text;

    /// <summary><see cref="Statement"/> as a code and values.</summary>
    public Reason? StatementReason
    {
        get
        {
            if (!IsThin)
                return null;
            return ExpectedDwellings is { } d && Population is { } population
                ? Reason.Of("coverage.thin-expected", ("addresses", Addresses), ("code", Municipality.Code), ("name", Municipality.Name),
                    ("population", population), ("dwellings", d), ("hint", Reason.Of("coverage.load-hint")))
                : Reason.Of("coverage.thin", ("addresses", Addresses), ("code", Municipality.Code), ("name", Municipality.Name), ("hint", Reason.Of("coverage.load-hint")));
        }
    }

    /// <summary>Adds the statement to an answer's assumptions when the coverage is thin.</summary>
    public void NoteIn(Provenance provenance)
    {
        if (StatementReason is { } statement)
            provenance.Assume(statement);
    }

    /// <summary>The coverage of a municipality whose addresses are already read, with the sources they come from.</summary>
    public static async Task<AddressCoverage> OfAsync(ISpatialStore store, AdminArea municipality, IReadOnlyList<Address> addresses, CancellationToken cancellationToken = default) =>
        await OfAsync(store, municipality, addresses.Count, cancellationToken) with { Sources = SourcesOf(addresses) };

    /// <summary>The source ids of the addresses, in order.</summary>
    public static IReadOnlyList<string> SourcesOf(IEnumerable<Address> addresses) =>
        addresses.Select(a => a.Origin.SourceId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The coverage of a municipality whose address count is already known.</summary>
    public static async Task<AddressCoverage> OfAsync(ISpatialStore store, AdminArea municipality, int addresses, CancellationToken cancellationToken = default)
    {
        var population = (await store.ListPopulationAsync(cancellationToken)).FirstOrDefault(p => p.MunicipalityCode == municipality.NumericCode);
        return new AddressCoverage(municipality, addresses, population?.Population);
    }

    /// <summary>The coverage of every municipality (or of one, by number), in code order.</summary>
    public static async Task<IReadOnlyList<AddressCoverage>> OfMunicipalitiesAsync(ISpatialStore store, int? only = null, CancellationToken cancellationToken = default)
    {
        var coverage = new List<AddressCoverage>();
        foreach (var area in (await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken)).Where(a => only is null || a.NumericCode == only).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            coverage.Add(await OfAsync(store, area, await store.AddressesInAsync(area.Geometry, cancellationToken), cancellationToken));
        }
        return coverage;
    }

    /// <summary>One sentence for many municipalities: how many are thinly covered, with the thinnest as example; null when none is.</summary>
    public static string? Summary(IReadOnlyList<AddressCoverage> coverage) => SummaryReason(coverage)?.Text;

    /// <summary><see cref="Summary"/> as a code and values.</summary>
    public static Reason? SummaryReason(IReadOnlyList<AddressCoverage> coverage)
    {
        var thin = coverage.Where(c => c.IsThin).ToList();
        if (thin.Count == 0)
            return null;
        if (thin.Count == 1)
            return thin[0].StatementReason;
        var example = thin.OrderBy(c => c.Addresses).ThenBy(c => c.Municipality.Code, StringComparer.Ordinal).First();
        return Reason.Of("coverage.thin-many", ("thin", thin.Count), ("all", coverage.Count), ("addresses", example.Addresses), ("code", example.Municipality.Code),
            ("name", example.Municipality.Name), ("hint", Reason.Of("coverage.load-hint")));
    }

    /// <summary>The coverage of every municipality that holds one of the points (a project's plants), in code order.</summary>
    public static async Task<IReadOnlyList<AddressCoverage>> AtAsync(ISpatialStore store, IEnumerable<Point> points, CancellationToken cancellationToken = default)
    {
        var areas = new Dictionary<string, AdminArea>();
        foreach (var point in points)
        {
            if (await store.AreaAtAsync(AdminAreaKind.Municipality, point, cancellationToken) is { } area)
                areas.TryAdd(area.Code, area);
        }
        var coverage = new List<AddressCoverage>();
        foreach (var area in areas.Values.OrderBy(a => a.Code, StringComparer.Ordinal))
            coverage.Add(await OfAsync(store, area, await store.AddressesInAsync(area.Geometry, cancellationToken), cancellationToken));
        return coverage;
    }
}
