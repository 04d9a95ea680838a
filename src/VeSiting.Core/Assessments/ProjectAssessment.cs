using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Core.Assessments;

/// <summary>A planned layout (or existing plants) to assess together: one permit date for all.</summary>
public sealed record Project(string Name, IReadOnlyList<Plant> Plants, DateOnly? PermitDate = null);

/// <summary>One dwelling's position relative to a project: its nearest plant, the ring it falls in, schemes and DKK.</summary>
public sealed record DwellingImpact(Address Address, Plant NearestPlant, double DistanceM, string Ring, IReadOnlyList<SchemeFinding> Findings, double VeBonusDkkPerYear)
{
    public double? MultipleOfH => NearestPlant.TotalHeightM is { } h and > 0 ? DistanceM / h : null;
    public bool Violation => Findings.Any(f => f.Violation);
}

/// <summary>The green pool owed to one municipality for the MW of the project inside it.</summary>
public sealed record MunicipalityShare(string Code, string Name, double Mw, double Dkk, string Why);

public sealed record ProjectAssessment(
    Project Project,
    PermitBasis Permit,
    IReadOnlyList<(double K, double RadiusM)> Rings,
    IReadOnlyList<DwellingImpact> Dwellings,
    int BuildingsWithinRings,
    VeBonusEstimate? VeBonus,
    string VeBonusWhy,
    IReadOnlyList<MunicipalityShare> GreenPool,
    int MeetingNoticeAddresses,
    string MeetingNoticeWhy,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion)
{
    public IEnumerable<DwellingImpact> Violations => Dwellings.Where(d => d.Violation);
    public double TotalCapacityKw => Project.Plants.Sum(p => p.CapacityKw ?? 0);
    public double GreenPoolDkk => GreenPool.Sum(g => g.Dkk);
    public int SalesOptionHouseholds => Dwellings.Count(d => d.Findings.Any(f => f is { Scheme: Schemes.SalesOption, Applies: true }));
    public int VeBonusHouseholds => Dwellings.Count(d => d.Findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true }));
}

/// <summary>Assesses a project: every dwelling within the scheme rings, the VE-bonus with the cap, the green pool by municipality.</summary>
public sealed class ProjectAssessor(AssessmentContext context)
{
    public async Task<ProjectAssessment> AssessAsync(Project project, CancellationToken cancellationToken = default)
    {
        if (project.Plants.Count == 0)
            throw new ArgumentException("a project needs at least one plant", nameof(project));
        var provenance = new Provenance();
        var store = context.Store;
        var permit = project.PermitDate is { } given
            ? new PermitBasis(given, false, $"permit date {given:yyyy-MM-dd}")
            : project.Plants.Select(p => PermitBasis.For(p, context.Today)).OrderBy(p => p.Date).First();
        if (permit.Date is not { } date)
            throw new ArgumentException($"project {project.Name}: {permit.Explanation}; give a permit date");
        // A permit date given for a planned project must fall in some rule period; a registered plant may
        // simply predate them all, and then no scheme applies to it.
        if (project.PermitDate is not null || project.Plants.Any(p => p.Status == PlantStatus.Planned))
            context.Rules.EnsureCovered(date);
        if (permit.IsAssumed)
            provenance.Assume($"{project.Name}: {permit.Explanation}");
        var plants = project.Plants.Select(p => p with { PermitDate = date }).ToList();
        var ringDate = date < (context.Rules.EarliestOfAll ?? date) ? context.Today : date;
        if (ringDate != date)
            provenance.Assume($"permit date {date:yyyy-MM-dd} predates every rule period: rings drawn with the rules in force on {ringDate:yyyy-MM-dd}");

        var eligibility = context.Rules.Require(Schemes.PlantEligibility, ringDate);
        foreach (var plant in plants)
        {
            var result = PlantEligibility.Evaluate(plant, eligibility, provenance);
            if (result.Coverage != Coverage.Covered)
                provenance.Assume($"{plant.Id}: {result.Reason}; assessed as if covered");
        }

        var rings = RingsOf(plants, ringDate, provenance);
        var reach = plants.Max(p => Reach(p, rings));
        var search = plants.Count == 1 ? plants[0].Geometry : plants[0].Geometry.Factory.BuildGeometry(plants.Select(p => p.Geometry));
        var sites = await store.SitesWithinAsync(search, reach, cancellationToken);

        var impacts = new List<DwellingImpact>();
        foreach (var hit in sites.Addresses)
        {
            var (nearest, distance) = plants.Select(p => (Plant: p, Distance: p.Geometry.Distance(hit.Address.Position)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).First();
            if (distance > Reach(nearest, rings))
                continue;
            var findings = NeighbourSchemes.Evaluate(nearest, distance, permit with { Date = date }, context.Rules, provenance);
            impacts.Add(new DwellingImpact(hit.Address, nearest, distance, RingLabel(nearest, distance, rings), findings, 0));
        }

        var qualifying = impacts.Count(d => d.Findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true }));
        context.UsePrices(provenance);
        provenance.Assume("one household per access address");
        var bonus = VeBonusCalculator.Estimate(plants, date, qualifying, context.Rules, context.Prices.SpotDkkPerKwh, provenance);
        var bonusWhy = bonus is null
            ? context.Rules.Find(Schemes.VeBonus, date) is null ? $"the VE-bonus does not cover permits dated {date:yyyy-MM-dd}" : "the project's capacity is unknown"
            : qualifying == 0 ? "no household within the VE-bonus distance" : bonus.Why;
        if (bonus is not null && qualifying > 0)
        {
            impacts = impacts.Select(d => d.Findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true })
                ? d with { VeBonusDkkPerYear = bonus.PerHouseholdDkk }
                : d).ToList();
        }

        var greenPool = await GreenPoolByMunicipalityAsync(plants, date, provenance, cancellationToken);
        var (notice, noticeWhy) = await MeetingNoticeAsync(plants, date, provenance, cancellationToken);
        foreach (var coverage in await DataCoverage.AddressCoverage.AtAsync(store, plants.Select(p => p.Geometry.Centroid), cancellationToken))
            coverage.NoteIn(provenance);
        var buildings = sites.Buildings.Count(b => plants.Min(p => p.Geometry.Distance(b.Building.Footprint)) <= reach);
        return new ProjectAssessment(project, permit, rings, impacts, buildings, qualifying > 0 ? bonus : null, bonusWhy,
            greenPool, notice, noticeWhy, provenance, store.Attributions, store.Version.Id);
    }

    /// <summary>The scheme rings in multiples of H: minimum distance, sales option limit and VE-bonus limit.</summary>
    private List<(double K, double RadiusM)> RingsOf(IReadOnlyList<Plant> plants, DateOnly date, Provenance provenance)
    {
        var ks = new SortedSet<double>();
        if (context.Rules.Find(Schemes.MinimumDistance, date) is { } min) ks.Add(provenance.Use(min, "windMultipleOfH").Value);
        if (context.Rules.Find(Schemes.SalesOption, date) is { } sale) ks.Add(provenance.Use(sale, "windToMultipleOfH").Value);
        if (context.Rules.Find(Schemes.VeBonus, date) is { } bonus) ks.Add(provenance.Use(bonus, "windMultipleOfH").Value);
        if (context.Rules.Find(Schemes.LossOfValue, date) is { } loss) ks.Add(provenance.Use(loss, "feeBeyondWindMultipleOfH").Value);
        var tallest = plants.Where(p => p.Kind == PlantKind.WindTurbine).Select(p => p.TotalHeightM ?? 0).DefaultIfEmpty(0).Max();
        return ks.Select(k => (k, k * tallest)).ToList();
    }

    /// <summary>How far a plant's schemes reach: the largest ring × its own H, or 200 m around solar.</summary>
    private static double Reach(Plant plant, IReadOnlyList<(double K, double RadiusM)> rings) =>
        plant.Kind == PlantKind.SolarPark ? 200
        : plant.TotalHeightM is { } h && rings.Count > 0 ? rings[^1].K * h
        : throw new ArgumentException($"plant {plant.Id}: total height unknown (hub height and rotor diameter are needed)");

    /// <summary>The innermost ring a dwelling lies in: "&lt; 4 × H" inside the minimum distance, else "≤ k × H".</summary>
    private static string RingLabel(Plant plant, double distance, IReadOnlyList<(double K, double RadiusM)> rings)
    {
        if (plant.Kind == PlantKind.SolarPark)
            return "≤ 200 m";
        var h = plant.TotalHeightM!.Value;
        if (distance < rings[0].K * h)
            return $"< {NeighbourSchemes.F(rings[0].K)} × H";
        return $"≤ {NeighbourSchemes.F(rings.First(r => distance <= r.K * h).K)} × H";
    }

    /// <summary>Each turbine's MW goes to the municipality containing it; a solar area's MW is split by its area in each municipality.</summary>
    private async Task<List<MunicipalityShare>> GreenPoolByMunicipalityAsync(IReadOnlyList<Plant> plants, DateOnly date, Provenance provenance, CancellationToken cancellationToken)
    {
        var parts = new List<(AdminArea? Area, Plant Plant, double Mw)>();
        IReadOnlyList<AdminArea>? municipalities = null;
        foreach (var plant in plants)
        {
            var mw = plant.CapacityMw ?? 0;
            if (plant.Geometry is Point point)
            {
                parts.Add((await context.Store.AreaAtAsync(AdminAreaKind.Municipality, point, cancellationToken), plant, mw));
                continue;
            }
            municipalities ??= await context.Store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
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
            var why = string.Join("; ", amounts.Select(a => a.Reason).Distinct());
            return new MunicipalityShare(area?.Code ?? "(none)", area?.Name ?? "outside every municipality (at sea?)", mw, amounts.Sum(a => a.Amount?.Dkk ?? 0), why);
        }).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Residents told of the public meeting: within 10 km of a turbine or 1.5 km of a solar plant.</summary>
    private async Task<(int Count, string Why)> MeetingNoticeAsync(IReadOnlyList<Plant> plants, DateOnly date, Provenance provenance, CancellationToken cancellationToken)
    {
        if (context.Rules.Find(Schemes.LossOfValue, date) is not { } loss)
            return (0, "no loss-of-value rule set for this permit date");
        var ids = new HashSet<string>();
        var radii = new List<string>();
        foreach (var plant in plants)
        {
            var key = plant.Kind == PlantKind.SolarPark ? "meetingNoticeSolarRadius" : "meetingNoticeWindRadius";
            if (provenance.UseOptional(loss, key) is not { } radius)
                continue;
            radii.Add($"{NeighbourSchemes.F(radius.Value)} m");
            foreach (var a in (await context.Store.SitesWithinAsync(plant.Geometry, radius.Value, cancellationToken)).Addresses)
                ids.Add(a.Address.Id);
        }
        return (ids.Count, $"addresses within {string.Join(" / ", radii.Distinct())} of the project are told of the public meeting");
    }
}
