using System.Globalization;
using VeSiting.Core.Stores;

namespace VeSiting.Core.Tariffs;

/// <summary>The zone of a site under a scenario, and why.</summary>
public sealed record ZoneResult(TariffZone? Zone, string Why, double? Score = null, PlantDistance? Decisive = null);

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
                return new ZoneResult(zone, $"{Describe(decisive)} is {Limit(zone)} → zone {zone.Id} ({zone.Label})", Decisive: decisive);
        }
        return new ZoneResult(null, covered.Count == 0
            ? $"no covered plant within {F(scenario.SearchRadiusM)} m → no zone"
            : $"nearest covered plant {Describe(covered[0])} is beyond every zone → no zone");
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
        var basis = $"score {F(score)} from {count} covered plant(s), {F(mw)} MW within {F(radius)} m";
        foreach (var zone in scenario.Zones)
        {
            if (score >= (zone.MinScore ?? double.PositiveInfinity))
                return new ZoneResult(zone, $"{basis} ≥ {F(zone.MinScore!.Value)} → zone {zone.Id} ({zone.Label})", score);
        }
        return new ZoneResult(null, $"{basis} is below every zone → no zone", score);
    }

    private static string Limit(TariffZone zone) => string.Join(" and ", new[]
    {
        zone.MaxDistanceM is { } m ? $"≤ {F(m)} m" : null,
        zone.MaxMultipleOfH is { } k ? $"≤ {F(k)} × H" : null,
    }.Where(s => s is not null));

    private static string Describe(PlantDistance p) =>
        $"{p.Plant.Id} at {F(p.DistanceM)} m" + (p.Plant.TotalHeightM is { } h ? $" ({F(p.DistanceM / h)} × H)" : "");

    private static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
