using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Suitability;

/// <summary>
/// Scores candidate sites for a profile: each criterion's value, its 0–1 score between the profile's worst and best
/// values, and its weighted contribution; sites inside 4 × H of a covered or planned turbine, or failing a required
/// threshold, are excluded with the reason. Plants, district heating, dwellings and areas are read through the store,
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
    // User layers sent with the request are request inputs, not store data: indexed here for this request only.
    private readonly Dictionary<string, STRtree<Point>> _layers = [];
    private readonly Dictionary<string, STRtree<(Point Point, double Value)>> _weighted = [];
    private readonly Dictionary<string, STRtree<(Geometry Polygon, IPreparedGeometry Prepared)>> _polygons = [];
    private readonly double _minimumDistanceK;
    /// <summary>The largest minimum-distance ring (k × the tallest covered turbine): how far the store is asked for turbines that exclude a site.</summary>
    private readonly double _forbiddenReach;
    private readonly Lazy<PopulationRaster> _population;
    private readonly ConsumptionProfile _consumption;
    private readonly string _minimumDistanceWhy;

    public SitingEngine(ISpatialStore store, SitingInputs inputs, SitingProfile profile)
    {
        _store = store;
        _inputs = inputs;
        _consumption = new ConsumptionProfile(profile.Id, profile.Title, profile.AnnualKwh, profile.Shares).Validated();
        foreach (var (name, points) in inputs.PointLayers)
        {
            var tree = new STRtree<Point>();
            foreach (var point in points) tree.Insert(point.EnvelopeInternal, point);
            tree.Build();
            _layers[name] = tree;
        }
        foreach (var (name, points) in inputs.WeightedLayers)
        {
            var tree = new STRtree<(Point Point, double Value)>();
            foreach (var point in points) tree.Insert(point.Point.EnvelopeInternal, point);
            tree.Build();
            _weighted[name] = tree;
        }
        foreach (var (name, polygons) in inputs.PolygonLayers)
        {
            var tree = new STRtree<(Geometry Polygon, IPreparedGeometry Prepared)>();
            foreach (var polygon in polygons) tree.Insert(polygon.EnvelopeInternal, (polygon, PreparedGeometryFactory.Prepare(polygon)));
            tree.Build();
            _polygons[name] = tree;
        }

        // The minimum distance under the rules in force today (a new site is built today) around covered operating and planned turbines.
        var rules = inputs.Rules.Require(Schemes.MinimumDistance, inputs.Today);
        _minimumDistanceK = rules["windMultipleOfH"].Value;
        _minimumDistanceWhy = $"{_minimumDistanceK:0.##} × H ({rules.Ref})";
        _forbiddenReach = inputs.Plants.Concat(inputs.PlannedTurbines).Select(ForbiddenRadius).Append(0).Max(r => r ?? 0);
        _population = new Lazy<PopulationRaster>(() => new PopulationRaster(inputs.Municipalities, inputs.Population));
    }

    /// <summary>The minimum-distance ring of a covered operating or planned turbine, or null for any other plant.</summary>
    private double? ForbiddenRadius(Plant t) =>
        t is { Kind: PlantKind.WindTurbine, Status: PlantStatus.Operating or PlantStatus.Planned, TotalHeightM: { } h } && _inputs.IsCoveredRenewable(t) ? _minimumDistanceK * h : null;

    public async Task<SitingResult> RunAsync(SitingProfile profile, IReadOnlyList<Candidate> candidates, string areaLabel, double? cellSizeM, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var provenance = new Provenance();
        provenance.Uses(profile.Ref, "criteria", new RuleValue(profile.Criteria.Count, "criteria", profile.File, Confidence.Confirmed));
        Assessments.TariffAnswer.UseScenario(provenance, _inputs.Scenario);
        foreach (var (key, value) in _inputs.Prices.Values())
            provenance.Uses(_inputs.Prices.Ref, key, value);
        provenance.UseSet(_inputs.Rules.Require(Schemes.MinimumDistance, _inputs.Today));

        var notes = new List<string>();
        var active = CriteriaInUse.Select(profile, _inputs, notes);
        if (active.Any(c => c.Criterion == "population"))
            notes.Add(PopulationNote(_population.Value.CellSizeM));
        var sites = await EvaluateAsync(candidates, active, progress, cancellationToken);

        var ranked = sites.Where(s => s.ExcludedBecause is null)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Id, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToDictionary(s => s.Candidate.Id);
        var ordered = sites.Select(s => ranked.TryGetValue(s.Candidate.Id, out var r) ? r : s)
            .OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Candidate.Id, StringComparer.Ordinal).ToList();
        return new SitingResult(profile, areaLabel, cellSizeM, ordered, notes, provenance, _inputs.Attributions, _inputs.DataVersion, clock.Elapsed);
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
        var reach = PlantReach(criteria);
        var kinds = criteria.Select(c => c.Criterion).ToHashSet();
        var sites = new RankedSite[candidates.Count];
        var done = 0;
        // In batches: a national grid with a 10 km plant radius would otherwise hold millions of plant hits at once.
        for (var start = 0; start < candidates.Count; start += BatchSize)
        {
            var batch = candidates.Skip(start).Take(BatchSize).ToList();
            var reads = await StoreReads.ReadAsync(_store, batch, reach, kinds, cancellationToken);
            var offset = start;
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                sites[offset + i] = Evaluate(batch[i], reads.For(i, batch[i].Position, _inputs.PlannedTurbines), criteria, totalWeight);
                var n = Interlocked.Increment(ref done);
                if (n % 1000 == 0 || n == candidates.Count)
                    progress?.Report(n);
            });
        }
        return sites;
    }

    /// <summary>How far around each candidate plants are read: the largest minimum-distance ring and every plant criterion's radius.</summary>
    private double PlantReach(IReadOnlyList<CriterionSpec> criteria) =>
        criteria.Select(c => c.Criterion switch
        {
            "power-price" => _inputs.Scenario.SearchRadiusM,
            "renewable-mw" => c.RadiusM ?? Criteria.Find(c.Criterion)!.DefaultRadiusM,
            _ => 0,
        }).Append(_forbiddenReach).Max();

    internal static string PopulationNote(double cellSizeM) =>
        $"population: each municipality's population (Statistics Denmark) spread evenly over its area and summed on a {cellSizeM:0} m raster (cells by their centres): an approximation, not where people live";

    private RankedSite Evaluate(Candidate candidate, StoreReads.Site site, IReadOnlyList<CriterionSpec> criteria, double totalWeight)
    {
        // Registered turbines by id, then the request's planned ones in their order: the first whose ring holds the site names it.
        foreach (var (turbine, d) in site.RegisteredPlants.Concat(site.PlannedPlants))
        {
            if (ForbiddenRadius(turbine) is { } radius && d < radius)
                return new RankedSite(candidate, null, null, [], $"inside the minimum distance of turbine {turbine.Id}: {F(d)} m < {_minimumDistanceWhy} = {F(radius)} m");
        }

        var values = new List<CriterionValue>();
        foreach (var c in criteria)
        {
            var (value, unit, why) = Measure(c, candidate, site);
            if (c.RequiredMin is { } min && (value is null || value < min))
                return new RankedSite(candidate, null, null, values, $"{c.Criterion} = {Show(value, unit)} is below the required {F(min)} {unit}");
            if (c.RequiredMax is { } max && (value is null || value > max))
                return new RankedSite(candidate, null, null, values, $"{c.Criterion} = {Show(value, unit)} is above the allowed {F(max)} {unit}");
            var score = value is { } v && c.Best != c.Worst ? Math.Clamp((v - c.Worst) / (c.Best - c.Worst), 0, 1) : 0;
            values.Add(new CriterionValue(c.Criterion, value, unit, score, c.Weight * score / totalWeight * 100, why));
        }
        return new RankedSite(candidate, null, values.Sum(v => v.Contribution), values, null);
    }

    private (double? Value, string Unit, string Why) Measure(CriterionSpec c, Candidate candidate, StoreReads.Site site)
    {
        var at = candidate.Position;
        var radius = c.RadiusM ?? Criteria.Find(c.Criterion)!.DefaultRadiusM;
        switch (c.Criterion)
        {
            case "power-price":
                {
                    var scenario = _inputs.Scenario;
                    var nearby = site.Plants.Where(p => p.DistanceM <= scenario.SearchRadiusM).ToList();
                    var zone = ZoneResolver.Resolve(scenario, nearby);
                    var price = PriceCalculator.Price(_inputs.Prices, _consumption, zone.Zone?.Discounts).DkkPerKwh;
                    return (price, "DKK/kWh", $"{(zone.Zone is { } z ? $"zone {z.Id}" : "no zone")} of {scenario.Id}: {zone.Why}");
                }
            case "renewable-mw":
                {
                    var mw = site.Plants
                        .Where(p => p.Plant.Status is PlantStatus.Operating or PlantStatus.Planned && _inputs.IsCoveredRenewable(p.Plant) && p.DistanceM <= radius)
                        .Sum(p => p.Plant.CapacityMw ?? 0);
                    return (mw, "MW", $"{F(mw)} MW of covered wind and solar within {F(radius)} m");
                }
            case "heat-distance" or "heat-size":
                {
                    if (site.Heat is not (var plant, var d))
                        return (null, c.Criterion == "heat-distance" ? "m" : "km²", "no district-heating plant in the data");
                    return c.Criterion == "heat-distance"
                        ? (d, "m", $"{plant.Name} at {F(d)} m")
                        : (plant.SupplyAreaKm2, "km²", $"{plant.Name} ({F(d)} m away) supplies {Show(plant.SupplyAreaKm2, "km²")}");
                }
            case "dwelling-distance":
                {
                    return site.Dwelling is { } n ? (n.DistanceM, "m", $"{n.Address.Label} at {F(n.DistanceM)} m") : (null, "m", "no dwelling in the data");
                }
            case "population":
                {
                    var people = _population.Value.Within(at.X, at.Y, radius);
                    return (Math.Round(people), "people", $"≈ {F(Math.Round(people))} people within {F(radius)} m (municipal populations spread over municipal areas)");
                }
            case "points-distance":
                {
                    var nearest = Nearest(_layers[c.Layer!], at, p => p);
                    return nearest is { } n ? (n.Distance, "m", $"nearest {c.Layer} point at {F(n.Distance)} m") : (null, "m", $"layer {c.Layer} is empty");
                }
            case "points-count":
                {
                    var count = Within(_layers[c.Layer!], at, radius).Count(p => p.Distance(at) <= radius);
                    return (count, "points", $"{count} {c.Layer} point(s) within {F(radius)} m");
                }
            case "regional-figure":
                {
                    var lookup = new RegionalFigureLookup(c.Layer!, _inputs.RegionalFigures[c.Layer!], _inputs.Landsdele, c.Level);
                    var municipality = site.Municipality;
                    if (municipality is not null && lookup.ForMunicipality(municipality) is { } local)
                        return (local.Value, "per region", local.Why);
                    var region = site.Region;
                    if (region is not null && lookup.ForRegion(region) is { } regional)
                        return (regional.Value, "per region", regional.Why);
                    return (null, "per region", lookup.Missing(municipality, region));
                }
            case "farmland":
                {
                    var share = FarmlandShare(_polygons[c.Layer!], candidate);
                    return (share, "share", candidate.Area is { Area: > 0 }
                        ? $"{F(share * 100)} % of the site's area lies in {c.Layer}"
                        : share > 0 ? $"the site lies in {c.Layer}" : $"the site lies outside {c.Layer}");
                }
            case "oxygen-demand":
                {
                    var users = Within(_weighted[c.Layer!], at, radius).Where(p => p.Point.Distance(at) <= radius).ToList();
                    var tonnes = users.Sum(p => p.Value);
                    return (tonnes, "t O2/yr", $"{F(tonnes)} t O₂ a year wanted by {users.Count} {c.Layer} point(s) within {F(radius)} m");
                }
            default:
                throw new ArgumentException($"unknown criterion '{c.Criterion}'");
        }
    }

    /// <summary>The share of the candidate's area the polygons cover (capped at 1, as the raster caps overlaps), or 1/0 for a point inside/outside.</summary>
    private static double FarmlandShare(STRtree<(Geometry Polygon, IPreparedGeometry Prepared)> polygons, Candidate candidate)
    {
        if (candidate.Area is not { Area: > 0 } area)
            return polygons.Query(candidate.Position.EnvelopeInternal).Any(p => p.Prepared.Covers(candidate.Position)) ? 1 : 0;
        var covered = polygons.Query(area.EnvelopeInternal).Where(p => p.Prepared.Intersects(area)).Sum(p => p.Polygon.Intersection(area).Area);
        return Math.Min(1, covered / area.Area);
    }

    private static IEnumerable<T> Within<T>(STRtree<T> tree, Point at, double radius)
    {
        var envelope = at.EnvelopeInternal.Copy();
        envelope.ExpandBy(radius);
        return tree.Query(envelope);
    }

    /// <summary>The nearest item by exact distance: an expanding envelope search, as in the embedded store.</summary>
    private static (T Item, double Distance)? Nearest<T>(STRtree<T> tree, Point at, Func<T, Geometry> geometry)
    {
        if (tree.Count == 0)
            return null;
        for (var radius = 1_000.0; radius < 2_000_000; radius *= 2)
        {
            var best = Within(tree, at, radius).Select(i => (Item: i, Distance: geometry(i).Distance(at))).Where(i => i.Distance <= radius)
                .OrderBy(i => i.Distance).FirstOrDefault();
            if (best.Item is not null)
                return best;
        }
        return null;
    }

    private static string Show(double? value, string unit) => value is { } v ? $"{F(v)} {unit}" : "unknown";

    private static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
