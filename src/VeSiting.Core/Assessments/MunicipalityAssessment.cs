using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;

namespace VeSiting.Core.Assessments;

/// <summary>Plants, capacity and count by technology.</summary>
public sealed record TechnologySummary(string Technology, int Plants, double Mw);

/// <summary>Green pool by rule set (permit period) and technology.</summary>
public sealed record GreenPoolPeriod(string RuleSet, string Period, string Technology, int Plants, double Mw, double Dkk);

/// <summary>How many addresses fall in each zone of a scenario ("" = no zone).</summary>
public sealed record ZoneCoverage(string ScenarioId, string ZoneId, string Label, int Addresses, double Share);

public sealed record MunicipalityAssessment(
    AdminArea Area,
    IReadOnlyList<TechnologySummary> Technologies,
    IReadOnlyList<GreenPoolPeriod> GreenPool,
    string GreenPoolWhy,
    int Addresses,
    IReadOnlyDictionary<string, int> AddressesInSchemeRings,
    double VeBonusDkkPerYear,
    string VeBonusWhy,
    IReadOnlyList<ZoneCoverage> TariffZones,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion)
{
    /// <summary>Whether the loaded address data covers the municipality (see <see cref="DataCoverage.AddressCoverage"/>).</summary>
    public DataCoverage.AddressCoverage? AddressCoverage { get; init; }
}

/// <summary>Totals for one municipality: plants, MW, green pool received, dwellings per ring and per tariff zone, VE-bonus paid.</summary>
public sealed class MunicipalityAssessor(AssessmentContext context)
{
    public async Task<MunicipalityAssessment> AssessAsync(string code, CancellationToken cancellationToken = default)
    {
        var store = context.Store;
        var wanted = int.TryParse(code, out var number) ? number : -1;
        var area = (await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken)).FirstOrDefault(a => a.Code == code || a.NumericCode == wanted)
            ?? throw new KeyNotFoundException($"no municipality with code '{code}'");
        var provenance = new Provenance();
        var plants = await store.PlantsWithinAsync(area.Geometry, 0, PlantFilter.Operating, cancellationToken);

        var technologies = plants.GroupBy(p => Technology(p))
            .Select(g => new TechnologySummary(g.Key, g.Count(), g.Sum(p => p.Plant.CapacityMw ?? 0)))
            .OrderByDescending(t => t.Mw).ToList();

        var pool = new List<(RuleSetRef Set, string Period, string Technology, double Mw, double Dkk)>();
        var outside = 0;
        foreach (var plant in plants.Select(p => p.Plant))
        {
            var permit = PermitBasis.For(plant, context.Today);
            if (permit.Date is not { } date || GreenPool.For(plant, plant.CapacityMw ?? 0, date, context.Rules, provenance).Amount is not { } amount)
            {
                outside++;
                continue;
            }
            var period = context.Rules.Find(Schemes.GreenPool, date)!.Period.ToString();
            pool.Add((amount.RuleSet, period, amount.Technology, amount.Mw, amount.Dkk));
        }
        var greenPool = pool.GroupBy(p => (p.Set, p.Period, p.Technology))
            .Select(g => new GreenPoolPeriod(g.Key.Set.ToString(), g.Key.Period, g.Key.Technology, g.Count(), g.Sum(p => p.Mw), g.Sum(p => p.Dkk)))
            .OrderBy(g => g.Period, StringComparer.Ordinal).ToList();
        if (pool.Count > 0)
            provenance.Assume("green pool by period estimated from connection dates: the register has no permit dates");

        var addresses = (await store.SitesWithinAsync(area.Geometry, 0, cancellationToken)).Addresses;
        var rings = new Dictionary<string, int> { ["< 4 × H"] = 0, ["4–6 × H"] = 0, ["6–8 × H"] = 0 };
        var zoneCounts = context.Scenarios.ToDictionary(s => s.Id, _ => new Dictionary<string, int>());
        var searchRadius = Math.Max(AssessmentContext.SchemeSearchRadiusM, context.Scenarios.Select(s => s.SearchRadiusM).DefaultIfEmpty(0).Max());
        foreach (var address in addresses.Select(a => a.Address))
        {
            var nearby = await store.PlantsWithinAsync(address.Position, searchRadius, AssessmentContext.Candidates, cancellationToken);
            var nearestWind = nearby.Where(p => p.Plant.Kind == PlantKind.WindTurbine && p.Plant.TotalHeightM >= 25)
                .Select(p => p.DistanceM / p.Plant.TotalHeightM!.Value).DefaultIfEmpty(double.PositiveInfinity).Min();
            if (nearestWind < 4) rings["< 4 × H"]++;
            else if (nearestWind <= 6) rings["4–6 × H"]++;
            else if (nearestWind <= 8) rings["6–8 × H"]++;
            foreach (var scenario in context.Scenarios)
            {
                var zone = Tariffs.ZoneResolver.Resolve(scenario, nearby.Where(p => p.DistanceM <= scenario.SearchRadiusM)).Zone?.Id ?? "";
                zoneCounts[scenario.Id][zone] = zoneCounts[scenario.Id].GetValueOrDefault(zone) + 1;
            }
        }
        var total = Math.Max(1, addresses.Count);
        var coverage = context.Scenarios.SelectMany(s => s.Zones.Select(z => (z.Id, z.Label)).Append(("", "no zone"))
            .Select(z => new ZoneCoverage(s.Id, z.Item1, z.Item2, zoneCounts[s.Id].GetValueOrDefault(z.Item1), zoneCounts[s.Id].GetValueOrDefault(z.Item1) / (double)total))).ToList();
        foreach (var scenario in context.Scenarios)
            provenance.Uses(scenario.Ref, "zones", new RuleValue(scenario.Zones.Count, "zones", scenario.File, Confidence.Confirmed));

        var (bonus, bonusWhy) = await VeBonusPaidAsync(plants.Select(p => p.Plant).ToList(), provenance, cancellationToken);
        var addressCoverage = await DataCoverage.AddressCoverage.OfAsync(store, area, addresses.Count, cancellationToken);
        addressCoverage.NoteIn(provenance);
        return new MunicipalityAssessment(area, technologies, greenPool,
            $"{pool.Count} plant(s) pay into the green pool; {outside} connected before any green-pool period or not covered",
            addresses.Count, rings, bonus, bonusWhy, coverage, provenance, store.Attributions, store.Version.Id)
        { AddressCoverage = addressCoverage };
    }

    /// <summary>Σ over covered plants in the municipality of the VE-bonus they pay to households within reach.</summary>
    private async Task<(double Dkk, string Why)> VeBonusPaidAsync(IReadOnlyList<Plant> plants, Provenance provenance, CancellationToken cancellationToken)
    {
        double total = 0;
        var payers = 0;
        var households = 0;
        foreach (var plant in plants)
        {
            if (PermitBasis.For(plant, context.Today).Date is not { } date || context.Rules.Find(Schemes.VeBonus, date) is not { } rules)
                continue;
            var eligibility = PlantEligibility.Evaluate(plant, context.Rules.Require(Schemes.PlantEligibility, date), provenance);
            if (eligibility.Coverage != Coverage.Covered)
                continue;
            var radius = VeBonusCalculator.Reach(plant, rules, provenance);
            var count = (await context.Store.SitesWithinAsync(plant.Geometry, radius, cancellationToken)).Addresses.Count;
            if (count == 0)
                continue;
            context.UsePrices(provenance);
            if (VeBonusCalculator.Estimate([plant], date, count, context.Rules, context.Prices.SpotDkkPerKwh, provenance) is { } estimate)
            {
                total += estimate.TotalDkk;
                payers++;
                households += count;
            }
        }
        return (total, payers == 0
            ? "no covered plant connected since the VE-bonus began has households within reach in the address data"
            : $"{payers} plant(s) pay {households} household(s)");
    }

    private static string Technology(PlantDistance p) => p.Plant.Kind switch
    {
        PlantKind.WindTurbine or PlantKind.WindFarm => p.Plant.Siting == Siting.Offshore ? "offshore wind" : "onshore wind",
        PlantKind.SolarPark => "solar",
        _ => p.Plant.Technology ?? "other",
    };
}
