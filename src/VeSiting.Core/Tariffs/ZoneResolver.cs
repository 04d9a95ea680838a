namespace VeSiting.Core.Tariffs;

/// <summary>The zone of a site under a scenario, and why.</summary>
/// <remarks>
/// The English text is rendered when asked for, not when the zone is found: a tile of dwellings resolves thousands of
/// zones and shows none of their reasons.
/// </remarks>
public sealed record ZoneResult(TariffZone? Zone, Reason Because, double? Score = null, PlantDistance? Decisive = null)
{
    /// <summary>Why, in English.</summary>
    public string Why => Because.Text;
}

/// <summary>Finds a site's zone from the covered plants near it (any order; distances in metres).</summary>
public static class ZoneResolver
{
    public static ZoneResult Resolve(TariffScenario scenario, IEnumerable<PlantDistance> nearby)
    {
        var covered = nearby.Where(p => scenario.CoveredPlants.Covers(p.Plant)).OrderBy(p => p.DistanceM).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).ToList();
        return scenario.Basis == ZoneBasis.CapacityWeighted ? Weighted(scenario, covered) : Banded(scenario, covered);
    }

    private static ZoneResult Banded(TariffScenario scenario, List<PlantDistance> covered)
    {
        foreach (var zone in scenario.Zones)
        {
            var decisive = covered.FirstOrDefault(p => Qualifies(zone, p));
            if (decisive is not null)
                return new ZoneResult(zone, Reason.Of("tariff.zone", ("plant", Describe(decisive)), ("limit", Limit(zone)), ("zone", zone.Id), ("label", zone.Label)), Decisive: decisive);
        }
        return new ZoneResult(null, covered.Count == 0
            ? Reason.Of("tariff.no-plant", ("radius", scenario.SearchRadiusM))
            : Reason.Of("tariff.beyond-zones", ("plant", Describe(covered[0]))));
    }

    private static bool Qualifies(TariffZone zone, PlantDistance p) =>
        (zone.MaxDistanceM is not { } max || p.DistanceM <= max)
        && (zone.MaxMultipleOfH is not { } k || p.Plant.TotalHeightM is { } h && p.DistanceM <= k * h);

    private static ZoneResult Weighted(TariffScenario scenario, List<PlantDistance> covered)
    {
        var radius = scenario.WeightingRadiusM ?? throw new InvalidOperationException($"scenario {scenario.Id} has no weighting radius");
        var score = covered.Where(p => p.DistanceM < radius).Sum(p => (p.Plant.CapacityMw ?? 0) * (1 - p.DistanceM / radius));
        var count = covered.Count(p => p.DistanceM < radius);
        var mw = covered.Where(p => p.DistanceM < radius).Sum(p => p.Plant.CapacityMw ?? 0);
        var basis = Reason.Of("tariff.score", ("score", score), ("count", count), ("mw", mw), ("radius", radius));
        foreach (var zone in scenario.Zones)
        {
            if (score >= (zone.MinScore ?? double.PositiveInfinity))
                return new ZoneResult(zone, Reason.Of("tariff.score-zone", ("basis", basis), ("min", zone.MinScore!.Value), ("zone", zone.Id), ("label", zone.Label)), score);
        }
        return new ZoneResult(null, Reason.Of("tariff.score-below", ("basis", basis)), score);
    }

    private static Reason Limit(TariffZone zone) => (zone.MaxDistanceM, zone.MaxMultipleOfH) switch
    {
        ({ } m, { } k) => Reason.Of("tariff.limit-both", ("limit", m), ("k", k)),
        ({ } m, null) => Reason.Of("tariff.limit-m", ("limit", m)),
        (null, { } k) => Reason.Of("tariff.limit-h", ("k", k)),
        _ => Reason.Plain(""),
    };

    private static Reason Describe(PlantDistance p) => p.Plant.TotalHeightM is { } h
        ? Reason.Of("tariff.plant-at-h", ("plant", p.Plant.Id), ("distance", p.DistanceM), ("multiple", p.DistanceM / h))
        : Reason.Of("tariff.plant-at", ("plant", p.Plant.Id), ("distance", p.DistanceM));
}
