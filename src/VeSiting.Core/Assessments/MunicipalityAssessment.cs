using VeSiting.Core.Projects;

namespace VeSiting.Core.Assessments;

/// <summary>Plants, capacity and count by technology (<see cref="Technology"/> in English as a key; <see cref="TechnologyReason"/> as a reason).</summary>
public sealed record TechnologySummary(string Technology, int Plants, double Mw)
{
    /// <summary>The technology in words of the answer's language (its English text is <see cref="Technology"/>).</summary>
    public Explanations.Reason TechnologyReason { get; init; } = Explanations.Reason.Plain(Technology);
}

/// <summary>Green pool by rule set (permit period) and technology; <see cref="Confidence"/> of the rate used (confirmed, reported, unconfirmed).</summary>
public sealed record GreenPoolPeriod(string RuleSet, string Period, string Technology, int Plants, double Mw, double Dkk, string Confidence = "confirmed");

/// <summary>What one project pays households in the municipality: one VE-bonus per household, the cap over all its households.</summary>
public sealed record ProjectBonusPaid(string ProjectId, Explanations.Reason Grouping, int Members, int HouseholdsHere, int HouseholdsTotal, double PerHouseholdDkk, double PaidHereDkk);

/// <summary>How many addresses fall in each zone of a scenario ("" = no zone).</summary>
public sealed record ZoneCoverage(string ScenarioId, string ZoneId, string Label, int Addresses, double Share);

public sealed record MunicipalityAssessment(
    AdminArea Area,
    IReadOnlyList<TechnologySummary> Technologies,
    IReadOnlyList<GreenPoolPeriod> GreenPool,
    Explanations.Reason GreenPoolWhy,
    int Addresses,
    IReadOnlyDictionary<string, int> AddressesInSchemeRings,
    double VeBonusDkkPerYear,
    Explanations.Reason VeBonusWhy,
    IReadOnlyList<ProjectBonusPaid> VeBonusByProject,
    IReadOnlyList<ZoneCoverage> TariffZones,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion)
{
    /// <summary>Whether the loaded address data covers the municipality (see <see cref="DataCoverage.AddressCoverage"/>).</summary>
    public DataCoverage.AddressCoverage? AddressCoverage { get; init; }

    /// <summary>The household count the municipality's addresses rest on (dwelling units, or one per access address).</summary>
    public DataCoverage.HouseholdBasis? HouseholdBasis { get; init; }

    /// <summary>The municipality's addresses recognised as registered turbines' own (not homes; left out of the ring counts), with why.</summary>
    public IReadOnlyList<TurbineAddress> TurbineAddresses { get; init; } = [];

    /// <summary>Each key of <see cref="AddressesInSchemeRings"/> (the ring's English label) as a code and values.</summary>
    public IReadOnlyDictionary<string, Explanations.Reason> SchemeRingLabels { get; init; } = new Dictionary<string, Explanations.Reason>();
}

/// <summary>
/// Totals for one municipality: plants and MW (register plants by the municipality the register names, others by
/// position), green pool received by project and permit period, dwellings per scheme ring and per tariff zone, and
/// the VE-bonus projects pay households here (one bonus per household per project).
/// </summary>
public sealed class MunicipalityAssessor(AssessmentContext context)
{
    /// <summary>The municipality's totals, or a refusal (field <c>code</c>) when no municipality has the code.</summary>
    public async Task<Outcome<MunicipalityAssessment>> AssessAsync(string code, CancellationToken cancellationToken = default)
    {
        var store = context.Store;
        var wanted = int.TryParse(code, out var number) ? number : -1;
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var area = municipalities.FirstOrDefault(a => a.Code == code || a.NumericCode == wanted);
        if (area is null)
            return Refusal.NotFound("code", Reason.Of("municipality.not-found", ("value", $"'{code}'")));
        var provenance = new Provenance();
        var plants = await PlantsOfAsync(area, municipalities, cancellationToken);

        var technologies = plants.GroupBy(Technology)
            .Select(g => new TechnologySummary(g.Key, g.Count(), g.Sum(p => p.CapacityMw ?? 0)) { TechnologyReason = TechnologyLabel(g.First()) })
            .OrderByDescending(t => t.Mw).ToList();

        var (greenPool, poolWhy) = await GreenPoolAsync(plants, provenance, cancellationToken);

        var addresses = await store.AddressesInAsync(area.Geometry, cancellationToken);
        var book = context.Distances;
        var rings = new Dictionary<string, int>();
        var ringLabels = new Dictionary<string, Explanations.Reason>();
        var zoneCounts = context.Scenarios.ToDictionary(s => s.Id, _ => new Dictionary<string, int>());
        var searchRadius = Math.Max(context.SchemeSearchRadiusM, context.Scenarios.Select(s => s.SearchRadiusM).DefaultIfEmpty(0).Max());
        var nearbyEach = await store.PlantsWithinEachAsync(addresses.Select(a => a.Position).ToList(), searchRadius, AssessmentContext.Candidates, cancellationToken);
        var own = await TurbineOwnAddresses.FindAsync(store, context.Rules, context.Today, addresses, provenance, cancellationToken);
        for (var i = 0; i < addresses.Count; i++)
        {
            var nearby = nearbyEach[i];
            // Rings count homes: a turbine's own address is listed apart, not counted as a neighbour.
            var nearestWind = own.ContainsKey(addresses[i].Id) ? null : nearby.Where(p => p.Plant.Kind == PlantKind.WindTurbine && p.Plant.TotalHeightM > 0 && book.IsCovered(p.Plant))
                .MinBy(p => p.DistanceM / p.Plant.TotalHeightM!.Value);
            if (nearestWind is not null && book.For(nearestWind.Plant).BandOf(nearestWind.Plant, nearestWind.DistanceM) is { } band)
            {
                rings[band.Label] = rings.GetValueOrDefault(band.Label) + 1;
                ringLabels[band.Label] = band.Because;
            }
            foreach (var scenario in context.Scenarios)
            {
                var zone = Tariffs.ZoneResolver.Resolve(scenario, nearby.Where(p => p.DistanceM <= scenario.SearchRadiusM)).Zone?.Id ?? "";
                zoneCounts[scenario.Id][zone] = zoneCounts[scenario.Id].GetValueOrDefault(zone) + 1;
            }
        }
        foreach (var set in book.Current.RuleSets)
            provenance.UseSet(set);
        var total = Math.Max(1, addresses.Count);
        var coverage = context.Scenarios.SelectMany(s => s.Zones.Select(z => (z.Id, z.Label)).Append(("", "no zone"))
            .Select(z => new ZoneCoverage(s.Id, z.Item1, z.Item2, zoneCounts[s.Id].GetValueOrDefault(z.Item1), zoneCounts[s.Id].GetValueOrDefault(z.Item1) / (double)total))).ToList();
        foreach (var scenario in context.Scenarios)
            TariffAnswer.UseScenario(provenance, scenario);

        var (byProject, bonusWhy) = await VeBonusPaidAsync(area, provenance, cancellationToken);
        var addressCoverage = await DataCoverage.AddressCoverage.OfAsync(store, area, addresses, cancellationToken);
        addressCoverage.NoteIn(provenance);
        return new MunicipalityAssessment(area, technologies, greenPool, poolWhy, addresses.Count, rings, byProject.Sum(p => p.PaidHereDkk), bonusWhy, byProject,
            coverage, provenance, store.Attributions, store.Version.Id)
        {
            AddressCoverage = addressCoverage,
            HouseholdBasis = DataCoverage.HouseholdBasis.Of(addresses),
            TurbineAddresses = [.. own.Values.OrderBy(t => t.Address.Id, StringComparer.Ordinal)],
            SchemeRingLabels = ringLabels,
        };
    }

    /// <summary>
    /// Plants in operation the municipality counts: those the register attributes to it, and those inside it that no
    /// municipality is named for (powerplantmatching plants, register rows with code 0).
    /// </summary>
    private async Task<List<Plant>> PlantsOfAsync(AdminArea area, IReadOnlyList<AdminArea> municipalities, CancellationToken cancellationToken)
    {
        var attributed = await context.Store.ListPlantsAsync(PlantFilter.Operating with { MunicipalityCode = area.NumericCode ?? -1 }, cancellationToken);
        var inside = await context.Store.PlantsWithinAsync(area.Geometry, 0, PlantFilter.Operating, cancellationToken);
        return [.. attributed, .. inside.Select(p => p.Plant).Where(p => p.MunicipalityCode is not { } code || municipalities.All(m => m.NumericCode != code))];
    }

    /// <summary>Green pool over the municipality's plants, each valued under its project's permit period, by rule set and technology.</summary>
    private async Task<(IReadOnlyList<GreenPoolPeriod> Periods, Explanations.Reason Why)> GreenPoolAsync(IReadOnlyList<Plant> plants, Provenance provenance, CancellationToken cancellationToken)
    {
        var pool = new List<(RuleSetRef Set, string Period, string Technology, double Mw, double Dkk, Confidence Confidence)>();
        int outside = 0, notCovered = 0, uncertain = 0;
        var permits = new Dictionary<string, PermitBasis>();
        foreach (var plant in plants)
        {
            var key = PlantProject.KeyOf(plant);
            if (!permits.TryGetValue(key, out var permit))
            {
                var members = plant.ProjectId is { } id ? await context.Store.ProjectMembersAsync(id, cancellationToken) : [];
                permits[key] = permit = PermitBasis.ForProject(members.Count == 0 ? [plant] : members, context.Today);
            }
            if (permit.Date is not { } date)
            {
                outside++;
                continue;
            }
            var eligibility = context.Rules.Find(Schemes.PlantEligibility, date) ?? context.Rules.Require(Schemes.PlantEligibility, context.Today);
            if (PlantEligibility.Evaluate(plant, eligibility, provenance).Coverage != Coverage.Covered)
            {
                notCovered++;
                continue;
            }
            if (GreenPool.For(plant, plant.CapacityMw ?? 0, date, context.Rules, provenance).Amount is not { } amount)
            {
                outside++;
                continue;
            }
            if (permit.IsUpperBound && permit.EarlierPeriodEnds(context.Rules).Any(d => context.Rules.Find(Schemes.GreenPool, d)?.Ref != amount.RuleSet))
                uncertain++;
            var set = context.Rules.Find(Schemes.GreenPool, date)!;
            pool.Add((amount.RuleSet, set.Period.ToString(), amount.Technology, amount.Mw, amount.Dkk, set[amount.Technology].Confidence));
        }
        var periods = pool.GroupBy(p => (p.Set, p.Period, p.Technology))
            .Select(g => new GreenPoolPeriod(g.Key.Set.ToString(), g.Key.Period, g.Key.Technology, g.Count(), g.Sum(p => p.Mw), g.Sum(p => p.Dkk), g.First().Confidence.ToString().ToLowerInvariant()))
            .OrderBy(g => g.Period, StringComparer.Ordinal).ToList();
        if (uncertain > 0)
            provenance.Assume(Explanations.Reason.Of("assume.green-pool-permit", ("plants", uncertain)));
        var why = Explanations.Reason.Of("green-pool.municipality", ("paying", pool.Count), ("notCovered", notCovered), ("outside", outside));
        return (periods, why);
    }

    /// <summary>
    /// Projects within reach of the municipality's households: each pays one VE-bonus per household (cap over all its
    /// households, wherever they live); the municipality's total is what its own households receive.
    /// </summary>
    private async Task<(IReadOnlyList<ProjectBonusPaid> ByProject, Explanations.Reason Why)> VeBonusPaidAsync(AdminArea area, Provenance provenance, CancellationToken cancellationToken)
    {
        var near = await context.Store.PlantsWithinAsync(area.Geometry, context.SchemeSearchRadiusM, AssessmentContext.Candidates, cancellationToken);
        var paid = new List<ProjectBonusPaid>();
        foreach (var group in near.GroupBy(p => PlantProject.KeyOf(p.Plant)))
        {
            var first = group.First().Plant;
            var members = first.ProjectId is { } id ? (await context.Store.ProjectMembersAsync(id, cancellationToken)).Where(m => m.Status == first.Status).ToList() : [first];
            var permit = PermitBasis.ForProject(members.Count == 0 ? [first] : members, context.Today);
            if (permit.Date is not { } date || context.Rules.Find(Schemes.VeBonus, date) is not { } rules)
                continue;
            var eligibility = context.Rules.Require(Schemes.PlantEligibility, date);
            var covered = members.Where(m => PlantEligibility.Evaluate(m, eligibility, provenance).Coverage == Coverage.Covered).ToList();
            if (covered.Count == 0)
                continue;
            var (all, here) = await HouseholdsAsync(covered, rules, area, provenance, cancellationToken);
            if (here == 0)
                continue;
            context.UsePrices(provenance);
            if (VeBonusCalculator.Estimate(covered, date, all, context.Rules, context.Prices.SpotDkkPerKwh, provenance) is not { } estimate)
                continue;
            var project = new PlantProject(group.Key, first.ProjectBasis, covered);
            if (project.IsInferred)
                provenance.Assume(Explanations.Reason.Of("assume.grouped-by-rule", ("rule", ProjectGroupingRule.Default.Because)));
            if (permit.IsUpperBound)
                provenance.Assume(Explanations.Reason.Of("assume.ve-bonus-permit-latest"));
            paid.Add(new ProjectBonusPaid(project.Id, project.Grouping, covered.Count, here, all, estimate.PerHouseholdDkk, estimate.PerHouseholdDkk * here));
        }
        var why = paid.Count == 0
            ? Explanations.Reason.Of("ve-bonus.municipality-none")
            : Explanations.Reason.Of("ve-bonus.municipality-paid", ("projects", paid.Count), ("households", paid.Sum(p => p.HouseholdsHere)));
        return (paid.OrderByDescending(p => p.PaidHereDkk).ToList(), why);
    }

    /// <summary>Households within the project's VE-bonus reach: all of them (for the cap) and those in the municipality.</summary>
    private async Task<(int All, int Here)> HouseholdsAsync(IReadOnlyList<Plant> members, RuleSet rules, AdminArea area, Provenance provenance, CancellationToken cancellationToken)
    {
        var reaches = members.Select(m => (Plant: m, Reach: VeBonusCalculator.Reach(m, rules, provenance))).ToList();
        var search = members.Count == 1 ? members[0].Geometry : members[0].Geometry.Factory.BuildGeometry(members.Select(m => m.Geometry));
        var near = await context.Store.SitesWithinAsync(search, reaches.Max(r => r.Reach), cancellationToken);
        var own = await TurbineOwnAddresses.FindAsync(context.Store, context.Rules, context.Today, near.Addresses.Select(a => a.Address).ToList(), provenance, cancellationToken);
        int all = 0, here = 0;
        foreach (var hit in near.Addresses.Where(a => !own.ContainsKey(a.Address.Id) && reaches.Any(r => r.Plant.Geometry.Distance(a.Address.Position) <= r.Reach)))
        {
            var households = hit.Address.Households ?? 1;
            all += households;
            if (hit.Address.MunicipalityCode == area.NumericCode)
                here += households;
        }
        return (all, here);
    }

    private static string Technology(Plant p) => TechnologyLabel(p).Text;

    private static Explanations.Reason TechnologyLabel(Plant p) => p.Kind switch
    {
        PlantKind.WindTurbine => Explanations.Reason.Of(p.Siting == Siting.Offshore ? "technology.offshore-wind" : "technology.onshore-wind"),
        // After the registers are merged, a wind farm is one the ENS register does not hold (docs: "One plant register").
        PlantKind.WindFarm => Explanations.Reason.Of("technology.wind-farm", ("technology", Explanations.Reason.Of(p.Siting == Siting.Offshore ? "technology.offshore-wind" : "technology.onshore-wind"))),
        PlantKind.SolarPark => Explanations.Reason.Of("technology.solar"),
        PlantKind.Hydro or PlantKind.Wave => Explanations.Reason.Of("technology.hydro-wave"),
        _ => p.Technology is { } named ? Explanations.Reason.Plain(named) : Explanations.Reason.Of("technology.other"),
    };
}
