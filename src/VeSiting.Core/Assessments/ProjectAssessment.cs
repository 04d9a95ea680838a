using VeSiting.Core.Projects;

namespace VeSiting.Core.Assessments;

/// <summary>A planned layout (or a registered project) to assess together: one permit covers all its plants.</summary>
public sealed record Project(string Name, IReadOnlyList<Plant> Plants, DateOnly? PermitDate = null)
{
    /// <summary>How the plants were grouped into this project (register, user, inferred), as answers state it.</summary>
    public Reason? Grouping { get; init; }

    /// <summary>The project's name in words where VeSiting named it (a registered plant or project), else null and <see cref="Name"/> as given.</summary>
    public Reason? Title { get; init; }

    /// <summary>Whether some of its plants were grouped by inference (the register has no park relation).</summary>
    public bool Inferred { get; init; }
}

/// <summary>One dwelling's position relative to a project: its nearest plant, the ring it falls in, schemes and DKK.</summary>
public sealed record DwellingImpact(Address Address, Plant NearestPlant, double DistanceM, Reason Ring, IReadOnlyList<SchemeFinding> Findings, double VeBonusDkkPerYear)
{
    public double? MultipleOfH => NearestPlant.TotalHeightM is { } h and > 0 ? DistanceM / h : null;
    public bool Violation => Findings.Any(f => f.Violation);
    public bool VeBonus => Findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true });
    public bool SalesOption => Findings.Any(f => f is { Scheme: Schemes.SalesOption, Applies: true });
    /// <summary>Households at the address where the data knows them, else one.</summary>
    public int Households => Address.Households ?? 1;
}

/// <summary>The green pool owed to one municipality for the MW of the project inside it.</summary>
public sealed record MunicipalityShare(string Code, string Name, double Mw, double Dkk, Reason Why)
{
    /// <summary><see cref="Name"/> as a reason: the municipality's name as data, or why the share has none (at sea, not covered).</summary>
    public Reason NameReason { get; init; } = Reason.Plain(Name);
}

/// <summary>Whether one plant of the project is covered by the schemes, and why.</summary>
public sealed record PlantCoverage(Plant Plant, EligibilityResult Eligibility);

/// <summary>The project's money under another permit date than the one assumed (the register only bounds the permit date).</summary>
public sealed record PeriodSummary(DateOnly PermitDate, Reason Why, int SalesOptionHouseholds, int VeBonusHouseholds, double VeBonusPerHouseholdDkk, double VeBonusTotalDkk, double GreenPoolDkk);

public sealed record ProjectAssessment(
    Project Project,
    PermitBasis Permit,
    SchemeDistances Distances,
    IReadOnlyList<(double K, double RadiusM)> Rings,
    IReadOnlyList<PlantCoverage> Coverage,
    IReadOnlyList<DwellingImpact> Dwellings,
    int BuildingsWithinRings,
    VeBonusEstimate? VeBonus,
    Reason VeBonusWhy,
    IReadOnlyList<MunicipalityShare> GreenPool,
    int MeetingNoticeAddresses,
    Reason MeetingNoticeWhy,
    IReadOnlyList<PeriodSummary> OtherPeriods,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion)
{
    /// <summary>Whether the loaded address data covers each municipality that holds a plant of the project.</summary>
    public IReadOnlyList<DataCoverage.AddressCoverage> AddressCoverage { get; init; } = [];

    /// <summary>The household count the affected addresses rest on (dwelling units, or one per access address).</summary>
    public DataCoverage.HouseholdBasis? HouseholdBasis { get; init; }

    /// <summary>Addresses within reach recognised as registered turbines' own (not homes; left out of <see cref="Dwellings"/>), with why.</summary>
    public IReadOnlyList<TurbineAddress> TurbineAddresses { get; init; } = [];

    /// <summary>The noise order at every dwelling the project's turbines reach (null: no turbine the method covers, or no noise rules).</summary>
    public Noise.ProjectNoise? Noise { get; init; }

    public IEnumerable<DwellingImpact> Violations => Dwellings.Where(d => d.Violation);
    public double TotalCapacityKw => Project.Plants.Sum(p => p.CapacityKw ?? 0);
    public double CoveredCapacityKw => Coverage.Where(c => c.Eligibility.Coverage == Rules.Coverage.Covered).Sum(c => c.Plant.CapacityKw ?? 0);
    public double GreenPoolDkk => GreenPool.Sum(g => g.Dkk);
    public int SalesOptionHouseholds => Dwellings.Where(d => d.SalesOption).Sum(d => d.Households);
    public int VeBonusHouseholds => Dwellings.Where(d => d.VeBonus).Sum(d => d.Households);
    /// <summary>The solar distance of the rules in force (sales option, VE-bonus), when the project has solar.</summary>
    public double? SolarRadiusM => Project.Plants.Any(p => p.Kind == PlantKind.SolarPark) && Distances.SolarReachM > 0 ? Distances.SolarReachM : null;
}

/// <summary>
/// Assesses a project — the plants one permit covers: every dwelling within the scheme rings (each counted once,
/// measured to the nearest member), one VE-bonus per household with the cap over the project's capacity, the green
/// pool split by the MW in each municipality. Plants the schemes do not cover get no money, and the answer says why.
/// </summary>
public sealed class ProjectAssessor(AssessmentContext context)
{
    /// <summary>The registered project(s) of the given plants: every member of each plant's project (register, user or inferred grouping).</summary>
    public static async Task<Project> RegisteredAsync(ISpatialStore store, IReadOnlyList<Plant> plants, DateOnly? permitDate, CancellationToken cancellationToken)
    {
        var members = new List<Plant>();
        var groupings = new List<(string Id, Reason Why)>();
        var inferred = false;
        foreach (var plant in plants)
        {
            if (members.Any(m => m.Id == plant.Id))
                continue;
            var project = plant.ProjectId is { } id
                ? new PlantProject(id, plant.ProjectBasis, (await store.ProjectMembersAsync(id, cancellationToken)).Where(m => m.Status == plant.Status).DefaultIfEmpty(plant).ToList())
                : PlantProject.Single(plant);
            members.AddRange(project.Members.Where(m => members.All(x => x.Id != m.Id)));
            groupings.Add((project.Id, Reason.Of("grouping.project", ("project", project.Id), ("plants", project.Members.Count), ("grouping", project.Grouping))));
            inferred |= project.IsInferred;
        }
        var title = members.Count == 1 ? Reason.Of("project.name-plant", ("plant", members[0].Id))
            : Reason.Of("project.name-project", ("projects", string.Join(" + ", groupings.Select(g => g.Id))), ("plants", members.Count));
        return new Project(title.Text, members, permitDate) { Grouping = Reason.Join(groupings.Select(g => g.Why)), Title = title, Inferred = inferred };
    }

    public async Task<ProjectAssessment> AssessAsync(Project project, CancellationToken cancellationToken = default)
    {
        if (project.Plants.Count == 0)
            throw new ArgumentException("a project needs at least one plant", nameof(project));
        var provenance = new Provenance();
        var store = context.Store;
        var permit = project.PermitDate is { } given
            ? new PermitBasis(given, false, Explanations.Reason.Of("permit.given", ("date", given)))
            : PermitBasis.ForProject(project.Plants, context.Today);
        if (permit.Date is not { } date)
            throw new ArgumentException($"project {project.Name}: {permit.Explanation}; give a permit date");
        // A permit date given for a planned project must fall in some rule period; a registered plant may
        // simply predate them all, and then no scheme applies to it.
        if (project.PermitDate is not null || project.Plants.Any(p => p.Status == PlantStatus.Planned))
            context.Rules.EnsureCovered(date);
        if (permit.IsAssumed)
            provenance.Assume(Reason.About(project.Name, permit.Why));
        if (project.Grouping is { } grouping && project.Inferred)
            provenance.Assume(Reason.About(project.Name, grouping));
        var plants = project.Plants.Select(p => p with { PermitDate = date }).ToList();
        var ringDate = date < (context.Rules.EarliestOfAll ?? date) ? context.Today : date;
        if (ringDate != date)
            provenance.Assume(Reason.Of("assume.permit-predates-rules", ("date", date), ("ringDate", ringDate)));

        var eligibilityRules = context.Rules.Require(Schemes.PlantEligibility, ringDate);
        var coverage = plants.Select(p => new PlantCoverage(p, PlantEligibility.Evaluate(p, eligibilityRules, provenance))).ToList();
        var covered = coverage.Where(c => c.Eligibility.Coverage == Rules.Coverage.Covered).Select(c => c.Plant).ToList();

        var distances = SchemeDistances.For(context.Rules, ringDate);
        foreach (var set in distances.RuleSets)
            provenance.UseSet(set);
        var rings = RingsOf(plants, distances);
        var reach = plants.Max(p => Reach(p, distances));
        var search = plants.Count == 1 ? plants[0].Geometry : plants[0].Geometry.Factory.BuildGeometry(plants.Select(p => p.Geometry));
        var near = reach > 0 ? await store.SitesWithinAsync(search, reach, cancellationToken) : new SitesNear([], []);
        // A registered turbine's own address point is not a neighbour's home: every count below is of homes.
        var own = await TurbineOwnAddresses.FindAsync(store, context.Rules, context.Today, near.Addresses.Select(a => a.Address).ToList(), provenance, cancellationToken);
        var sites = near with { Addresses = [.. near.Addresses.Where(a => !own.ContainsKey(a.Address.Id))] };

        var impacts = ImpactsOf(sites, plants, covered, distances, permit with { Date = date }, provenance);
        var (bonus, bonusWhy) = Bonus(impacts, covered, coverage, date, provenance);
        if (bonus is not null)
            impacts = impacts.Select(d => d.VeBonus ? d with { VeBonusDkkPerYear = bonus.PerHouseholdDkk } : d).ToList();

        var greenPool = await GreenPoolByMunicipalityAsync(coverage, date, provenance, cancellationToken);
        var (notice, noticeWhy) = await MeetingNoticeAsync(plants, date, provenance, cancellationToken);
        var addressCoverage = await DataCoverage.AddressCoverage.AtAsync(store, plants.Select(p => p.Geometry.Centroid), cancellationToken);
        foreach (var municipality in addressCoverage)
            municipality.NoteIn(provenance);
        var buildings = sites.Buildings.Count(b => plants.Min(p => p.Geometry.Distance(b.Building.Footprint)) <= reach);

        var others = new List<PeriodSummary>();
        foreach (var other in permit.EarlierPeriodEnds(context.Rules))
            others.Add(await OtherPeriodAsync(other, sites, plants, coverage, covered, permit, provenance, cancellationToken));

        return new ProjectAssessment(project, permit, distances, rings, coverage, impacts, buildings, bonus, bonusWhy,
            greenPool, notice, noticeWhy, others, provenance, store.Attributions, store.Version.Id)
        {
            AddressCoverage = addressCoverage,
            HouseholdBasis = DataCoverage.HouseholdBasis.Of(impacts.Select(d => d.Address)),
            TurbineAddresses = [.. own.Values.Where(t => plants.Min(p => p.Geometry.Distance(t.Address.Position)) <= reach).OrderBy(t => t.Address.Id, StringComparer.Ordinal)],
            Noise = await new Noise.ProjectNoiseAssessor(context).AssessAsync(plants, cancellationToken),
        };
    }

    /// <summary>Each address within reach, measured to its nearest plant (each once, however many plants it is near).</summary>
    private List<DwellingImpact> ImpactsOf(SitesNear sites, IReadOnlyList<Plant> plants, IReadOnlyList<Plant> covered, SchemeDistances distances, PermitBasis permit, Provenance provenance)
    {
        var impacts = new List<DwellingImpact>();
        foreach (var hit in sites.Addresses)
        {
            var (nearest, distance) = plants.Select(p => (Plant: p, Distance: p.Geometry.Distance(hit.Address.Position)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).First();
            if (distance > Reach(nearest, distances))
                continue;
            // Schemes give rights only around covered plants; the minimum distance binds every turbine.
            var findings = NeighbourSchemes.Evaluate(nearest, distance, permit, context.Rules, provenance);
            if (!covered.Contains(nearest))
                findings = [.. findings.Select(f => f.Scheme == Schemes.MinimumDistance ? f : NotCovered(f, nearest))];
            impacts.Add(new DwellingImpact(hit.Address, nearest, distance, distances.RingReason(nearest, distance), findings, 0));
        }
        return impacts;
    }

    private static SchemeFinding NotCovered(SchemeFinding finding, Plant plant)
    {
        var why = Reason.Of("schemes.plant-not-covered", ("plant", plant.Id));
        return finding with { Applies = false, AmountDkk = null, Reason = why.Text, Why = why };
    }

    /// <summary>One VE-bonus per qualifying household, k of the covered capacity, the cap over all the project's households.</summary>
    private (VeBonusEstimate? Bonus, Reason Why) Bonus(IReadOnlyList<DwellingImpact> impacts, IReadOnlyList<Plant> covered, IReadOnlyList<PlantCoverage> coverage, DateOnly date, Provenance provenance)
    {
        if (covered.Count == 0)
            return (null, Reason.Of("ve-bonus.no-plant-covered", ("why", Reason.Join(coverage.Select(c => Reason.About(c.Plant.Id, c.Eligibility.Why)).Distinct().Take(3)))));
        var qualifying = impacts.Where(d => d.VeBonus).ToList();
        var households = qualifying.Sum(d => d.Households);
        if (qualifying.Any(d => d.Address.Households is null))
            provenance.Assume(Reason.Of("assume.one-household-per-address"));
        context.UsePrices(provenance);
        var bonus = VeBonusCalculator.Estimate(covered, date, households, context.Rules, context.Prices.SpotDkkPerKwh, provenance);
        var why = bonus is null
            ? context.Rules.Find(Schemes.VeBonus, date) is null ? Reason.Of("ve-bonus.no-rule-set", ("date", date)) : Reason.Of("ve-bonus.capacity-unknown")
            : households == 0 ? Reason.Of("ve-bonus.no-household") : bonus.Why;
        if (covered.Count < coverage.Count)
            why = Reason.Of("ve-bonus.plants-left-out", ("why", why), ("count", coverage.Count - covered.Count));
        return (households > 0 ? bonus : null, why);
    }

    private async Task<PeriodSummary> OtherPeriodAsync(DateOnly date, SitesNear sites, IReadOnlyList<Plant> plants, IReadOnlyList<PlantCoverage> coverage,
        IReadOnlyList<Plant> covered, PermitBasis permit, Provenance provenance, CancellationToken cancellationToken)
    {
        var distances = SchemeDistances.For(context.Rules, date);
        var impacts = ImpactsOf(sites, plants, covered, distances, permit with { Date = date }, provenance);
        var (bonus, _) = Bonus(impacts, covered, coverage, date, provenance);
        var pool = await GreenPoolByMunicipalityAsync(coverage, date, provenance, cancellationToken);
        return new PeriodSummary(date, Reason.Of("permit.other-period", ("date", date)),
            impacts.Where(d => d.SalesOption).Sum(d => d.Households), impacts.Where(d => d.VeBonus).Sum(d => d.Households),
            bonus?.PerHouseholdDkk ?? 0, bonus?.TotalDkk ?? 0, pool.Sum(p => p.Dkk));
    }

    /// <summary>The scheme rings in multiples of H (minimum distance, sales option, VE-bonus, loss-of-value fee limit) × the tallest turbine.</summary>
    private static List<(double K, double RadiusM)> RingsOf(IReadOnlyList<Plant> plants, SchemeDistances distances)
    {
        var ks = new SortedSet<double>(distances.WindBands.Select(b => b.Outer));
        if (distances.FeeBeyondK is { } fee) ks.Add(fee);
        var tallest = plants.Where(p => p.Kind == PlantKind.WindTurbine).Select(p => p.TotalHeightM ?? 0).DefaultIfEmpty(0).Max();
        return tallest > 0 ? ks.Select(k => (k, k * tallest)).ToList() : [];
    }

    /// <summary>How far a plant's schemes reach: the farthest band or fee limit × its own H, or the solar distance.</summary>
    private static double Reach(Plant plant, SchemeDistances distances) => plant.Kind switch
    {
        PlantKind.SolarPark => Math.Max(distances.SolarReachM, distances.SolarFeeBeyondM ?? 0),
        PlantKind.WindTurbine when plant.TotalHeightM is { } h => Math.Max(distances.WindReachK, distances.FeeBeyondK ?? 0) * h,
        PlantKind.WindTurbine => throw new ArgumentException($"plant {plant.Id}: total height unknown (hub height and rotor diameter are needed)"),
        _ => 0,
    };

    /// <summary>Each turbine's MW goes to the municipality containing it; a solar area's MW is split by its area in each municipality.</summary>
    private async Task<List<MunicipalityShare>> GreenPoolByMunicipalityAsync(IReadOnlyList<PlantCoverage> coverage, DateOnly date, Provenance provenance, CancellationToken cancellationToken)
    {
        var parts = new List<(AdminArea? Area, Plant Plant, double Mw)>();
        IReadOnlyList<AdminArea>? municipalities = null;
        var notCovered = coverage.Where(c => c.Eligibility.Coverage != Rules.Coverage.Covered).ToList();
        foreach (var plant in coverage.Where(c => c.Eligibility.Coverage == Rules.Coverage.Covered).Select(c => c.Plant))
        {
            var mw = plant.CapacityMw ?? 0;
            municipalities ??= await context.Store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
            // A register names each turbine's municipality (offshore ones too): that attribution wins over the point's position.
            if (plant.MunicipalityCode is { } code && municipalities.FirstOrDefault(m => m.NumericCode == code) is { } named)
            {
                parts.Add((named, plant, mw));
                continue;
            }
            if (plant.Geometry is Point point)
            {
                parts.Add((await context.Store.AreaAtAsync(AdminAreaKind.Municipality, point, cancellationToken), plant, mw));
                continue;
            }
            var total = plant.Geometry.Area;
            foreach (var area in municipalities.Where(m => m.Geometry.EnvelopeInternal.Intersects(plant.Geometry.EnvelopeInternal)))
            {
                var inside = area.Geometry.Intersection(plant.Geometry).Area;
                if (inside > 0)
                    parts.Add((area, plant, mw * inside / total));
            }
        }
        return parts.GroupBy(p => p.Area?.Code ?? "").Select(g =>
        {
            var amounts = g.Select(p => GreenPool.For(p.Plant, p.Mw, date, context.Rules, provenance)).ToList();
            var mw = g.Sum(p => p.Mw);
            var area = g.First().Area;
            var why = Reason.Join(amounts.Select(a => a.Reason).Distinct());
            var name = area is null ? Reason.Of("green-pool.outside-municipalities") : Reason.Plain(area.Name);
            return new MunicipalityShare(area?.Code ?? "(none)", name.Text, mw, amounts.Sum(a => a.Amount?.Dkk ?? 0), why) { NameReason = name };
        }).Concat(notCovered.Count == 0 ? [] : [new MunicipalityShare("(not covered)", Reason.Of("green-pool.not-covered").Text, notCovered.Sum(c => c.Plant.CapacityMw ?? 0), 0,
            Reason.Join(notCovered.Select(c => Reason.About(c.Plant.Id, c.Eligibility.Why)).Distinct().Take(5))) { NameReason = Reason.Of("green-pool.not-covered") }])
            .OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Residents told of the public meeting: within 10 km of a turbine or 1.5 km of a solar plant.</summary>
    private async Task<(int Count, Reason Why)> MeetingNoticeAsync(IReadOnlyList<Plant> plants, DateOnly date, Provenance provenance, CancellationToken cancellationToken)
    {
        if (context.Rules.Find(Schemes.LossOfValue, date) is not { } loss)
            return (0, Reason.Of("meeting-notice.no-rule-set"));
        var ids = new HashSet<string>();
        var radii = new List<double>();
        foreach (var plant in plants)
        {
            var key = plant.Kind == PlantKind.SolarPark ? "meetingNoticeSolarRadius" : "meetingNoticeWindRadius";
            if (provenance.UseOptional(loss, key) is not { } radius)
                continue;
            radii.Add(radius.Value);
            foreach (var a in (await context.Store.SitesWithinAsync(plant.Geometry, radius.Value, cancellationToken)).Addresses)
                ids.Add(a.Address.Id);
        }
        var distances = radii.Distinct().Select(r => Reason.Of("general.metres", ("m", r))).ToList();
        var either = distances.Count == 0 ? Reason.Plain("") : distances.SkipLast(1).Reverse().Aggregate(distances[^1], (rest, first) => Reason.Of("general.either", ("first", first), ("rest", rest)));
        return (ids.Count, Reason.Of("meeting-notice.within", ("radii", either)));
    }
}
