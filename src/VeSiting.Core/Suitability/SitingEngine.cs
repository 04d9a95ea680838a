using System.Diagnostics;
using VeSiting.Core.Suitability.Criteria;
using static VeSiting.Core.Suitability.Criteria.WhyText;

namespace VeSiting.Core.Suitability;

/// <summary>
/// Scores candidate sites for a profile: each criterion's value, its 0–1 score between the profile's worst and best
/// values, and its weighted contribution; sites inside 4 × H of a covered or planned turbine, or failing a required
/// threshold, are excluded with the reason. Each criterion measures itself (<see cref="SitingCriterion"/>). Plants, district heating, dwellings and areas are read through the store,
/// in one batch call per kind for all candidates; the request's own inputs (planned turbines, user layers, figures) come
/// in <see cref="SitingInputs"/>.
/// </summary>
public sealed class SitingEngine
{
    /// <summary>The plants the siting reads: operating and planned, as <see cref="SitingService"/> lists them.</summary>
    public static readonly PlantFilter Current = new() { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating, PlantStatus.Planned } };

    /// <summary>Candidates read from the store per batch call.</summary>
    private const int BatchSize = 4096;

    private readonly ISpatialStore _store;
    private readonly SitingInputs _inputs;
    private readonly SiteMeasures _measures;
    private readonly double _minimumDistanceK;
    /// <summary>The largest minimum-distance ring (k × the tallest covered turbine): how far the store is asked for turbines that exclude a site.</summary>
    private readonly double _forbiddenReach;
    private readonly string _minimumDistanceWhy;

    public SitingEngine(ISpatialStore store, SitingInputs inputs, SitingProfile profile)
    {
        _store = store;
        _inputs = inputs;
        _measures = new SiteMeasures(inputs, new ConsumptionProfile(profile.Id, profile.Title, profile.AnnualKwh, profile.Shares).Validated());

        // The minimum distance under the rules in force today (a new site is built today) around covered operating and planned turbines.
        var rules = inputs.Rules.Require(Schemes.MinimumDistance, inputs.Today);
        _minimumDistanceK = rules["windMultipleOfH"].Value;
        _minimumDistanceWhy = $"{_minimumDistanceK:0.##} × H ({rules.Ref})";
        _forbiddenReach = inputs.Plants.Concat(inputs.PlannedTurbines).Select(ForbiddenRadius).Append(0).Max(r => r ?? 0);
    }

    /// <summary>The minimum-distance ring of a covered operating or planned turbine, or null for any other plant.</summary>
    private double? ForbiddenRadius(Plant t) =>
        t is { Kind: PlantKind.WindTurbine, Status: PlantStatus.Operating or PlantStatus.Planned, TotalHeightM: { } h } && _inputs.IsCoveredRenewable(t) ? _minimumDistanceK * h : null;

    /// <summary>As <see cref="RunAsync(SitingProfile, IReadOnlyList{Candidate}, Reason, double?, IProgress{int}?, CancellationToken)"/> with a label that is data.</summary>
    public Task<SitingResult> RunAsync(SitingProfile profile, IReadOnlyList<Candidate> candidates, string areaLabel, double? cellSizeM, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default) => RunAsync(profile, candidates, Reason.Plain(areaLabel), cellSizeM, progress, cancellationToken);

    public async Task<SitingResult> RunAsync(SitingProfile profile, IReadOnlyList<Candidate> candidates, Reason areaLabel, double? cellSizeM, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var provenance = new Provenance();
        provenance.Uses(profile.Ref, "criteria", new RuleValue(profile.Criteria.Count, "criteria", profile.File, Confidence.Confirmed));
        Assessments.TariffAnswer.UseScenario(provenance, _inputs.Scenario);
        foreach (var (key, value) in _inputs.Prices.Values())
            provenance.Uses(_inputs.Prices.Ref, key, value);
        provenance.UseSet(_inputs.Rules.Require(Schemes.MinimumDistance, _inputs.Today));

        var notes = new List<Reason>();
        var active = CriteriaInUse.Select(profile, _inputs, notes);
        notes.AddRange(CriteriaInUse.Notes(active.Select(SitingCriteria.Of)));
        var sites = await EvaluateAsync(candidates, active, progress, cancellationToken);

        var ranked = sites.Where(s => s.ExcludedBecause is null)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Id, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToDictionary(s => s.Candidate.Id);
        var ordered = sites.Select(s => ranked.TryGetValue(s.Candidate.Id, out var r) ? r : s)
            .OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Candidate.Id, StringComparer.Ordinal).ToList();
        return new SitingResult(profile, areaLabel.Text, cellSizeM, ordered, notes, provenance, _inputs.Attributions, _inputs.DataVersion, clock.Elapsed) { AreaReason = areaLabel };
    }

    /// <summary>Candidates measured exactly, with every criterion's why (no rank), in the order given: how raster results explain their sites.</summary>
    public async Task<IReadOnlyList<RankedSite>> ExplainAsync(SitingProfile profile, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(candidates, CriteriaInUse.Select(profile, _inputs, []), null, cancellationToken);

    /// <summary>One candidate measured exactly, with every criterion's why (no rank).</summary>
    public async Task<RankedSite> ExplainAsync(SitingProfile profile, Candidate candidate, CancellationToken cancellationToken = default) =>
        (await ExplainAsync(profile, [candidate], cancellationToken))[0];

    private async Task<RankedSite[]> EvaluateAsync(IReadOnlyList<Candidate> candidates, IReadOnlyList<CriterionSpec> criteria, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var totalWeight = criteria.Sum(c => c.Weight);
        var measured = criteria.Select(SitingCriteria.Of).ToList();
        // How far around each candidate plants are read: the largest minimum-distance ring and every plant criterion's reach.
        var reach = criteria.Select((c, k) => measured[k].PlantReach(c, _inputs)).Append(_forbiddenReach).Max();
        var needs = measured.Aggregate(SiteReads.None, (all, c) => all | c.Reads);
        var sites = new RankedSite[candidates.Count];
        var done = 0;
        // In batches: a national grid with a 10 km plant radius would otherwise hold millions of plant hits at once.
        for (var start = 0; start < candidates.Count; start += BatchSize)
        {
            var batch = candidates.Skip(start).Take(BatchSize).ToList();
            var reads = await StoreReads.ReadAsync(_store, batch, reach, needs, cancellationToken);
            var offset = start;
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                sites[offset + i] = Evaluate(batch[i], reads.For(i, batch[i].Position, _inputs.PlannedTurbines), criteria, measured, totalWeight);
                var n = Interlocked.Increment(ref done);
                if (n % 1000 == 0 || n == candidates.Count)
                    progress?.Report(n);
            });
        }
        return sites;
    }

    private RankedSite Evaluate(Candidate candidate, StoreReads.Site site, IReadOnlyList<CriterionSpec> criteria, IReadOnlyList<SitingCriterion> measured, double totalWeight)
    {
        // Registered turbines by id, then the request's planned ones in their order: the first whose ring holds the site names it.
        foreach (var (turbine, d) in site.RegisteredPlants.Concat(site.PlannedPlants))
        {
            if (ForbiddenRadius(turbine) is { } radius && d < radius)
                return new RankedSite(candidate, null, null, [], Reason.Of("siting.excluded-minimum-distance", ("turbine", turbine.Id), ("distance", d), ("rule", _minimumDistanceWhy), ("limit", radius)));
        }

        var values = new List<CriterionValue>();
        for (var k = 0; k < criteria.Count; k++)
        {
            var (c, unit) = (criteria[k], measured[k].Unit);
            var (value, why) = measured[k].Measure(c, candidate, site, _measures);
            if (c.RequiredMin is { } min && (value is null || value < min))
                return new RankedSite(candidate, null, null, values, Reason.Of("siting.excluded-below", ("criterion", c.Criterion), ("value", Show(value, unit)), ("min", min), ("unit", Unit(unit))));
            if (c.RequiredMax is { } max && (value is null || value > max))
                return new RankedSite(candidate, null, null, values, Reason.Of("siting.excluded-above", ("criterion", c.Criterion), ("value", Show(value, unit)), ("max", max), ("unit", Unit(unit))));
            var score = value is { } v && c.Best != c.Worst ? Math.Clamp((v - c.Worst) / (c.Best - c.Worst), 0, 1) : 0;
            values.Add(new CriterionValue(c.Criterion, value, unit, score, c.Weight * score / totalWeight * 100, why));
        }
        return new RankedSite(candidate, null, values.Sum(v => v.Contribution), values, null);
    }
}
