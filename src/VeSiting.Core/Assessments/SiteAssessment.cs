using VeSiting.Core.Projects;

namespace VeSiting.Core.Assessments;

/// <summary>What distance means for one home or firm: plants and projects near it, each scheme and why, DKK per year, tariff zones and prices.</summary>
public sealed record SiteAssessment(
    string Label,
    Geometry Site,
    AdminArea? Municipality,
    IReadOnlyList<PlantNeighbourhood> Plants,
    IReadOnlyList<ProjectNeighbourhood> Projects,
    PlantNeighbourhood? NearestCoveredPlant,
    IReadOnlyList<TariffAnswer> Tariffs,
    ConsumptionProfile Profile,
    PriceStack Prices,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion)
{
    public IEnumerable<(PlantNeighbourhood Plant, SchemeFinding Finding)> Violations =>
        Plants.SelectMany(p => p.Findings.Where(f => f.Violation).Select(f => (p, f)));

    /// <summary>One VE-bonus per project within reach, summed over projects.</summary>
    public double VeBonusDkkPerYear => Projects.Sum(p => p.VeBonusDkkPerYear ?? 0);
}

/// <summary>Assesses a site (a point, an address's access point or a building footprint).</summary>
public sealed class SiteAssessor(AssessmentContext context)
{
    public async Task<SiteAssessment> AssessAsync(Geometry site, string label, ConsumptionProfile profile, CancellationToken cancellationToken = default)
    {
        profile.Validated();
        var provenance = new Provenance();
        var store = context.Store;
        var nearby = await store.PlantsWithinAsync(site, context.SchemeSearchRadiusM, AssessmentContext.Candidates, cancellationToken);
        var plants = new List<PlantNeighbourhood>();
        foreach (var hit in nearby)
        {
            if (Neighbourhood(hit.Plant, hit.DistanceM, provenance) is { } neighbourhood)
                plants.Add(neighbourhood);
        }

        var projects = new List<ProjectNeighbourhood>();
        foreach (var group in plants.Where(p => p.Eligibility.Coverage == Coverage.Covered).GroupBy(p => PlantProject.KeyOf(p.Plant)))
            projects.Add(await ProjectAsync(site, group.First(), provenance, cancellationToken));

        PlantNeighbourhood? nearestCovered = plants.FirstOrDefault(p => p.Eligibility.Coverage == Coverage.Covered);
        if (nearestCovered is null)
        {
            foreach (var hit in await store.NearestPlantsAsync(site.Centroid, AssessmentContext.Candidates, 10, cancellationToken))
            {
                var permit = PermitBasis.For(hit.Plant, context.Today);
                var eligibility = PlantEligibility.Evaluate(hit.Plant, EligibilityRules(permit), provenance);
                if (eligibility.Coverage == Coverage.Covered)
                {
                    nearestCovered = new PlantNeighbourhood(hit.Plant, site.Distance(hit.Plant.Geometry), eligibility, permit, []);
                    break;
                }
            }
        }

        var tariffs = await TariffAnswer.ForSiteAsync(context, site, profile, provenance, cancellationToken);
        var municipality = await store.AreaAtAsync(AdminAreaKind.Municipality, site.Centroid, cancellationToken);
        return new SiteAssessment(label, site, municipality, plants, projects, nearestCovered, tariffs, profile, context.Prices, provenance, store.Attributions, store.Version.Id);
    }

    /// <summary>Eligibility is physical (height, capacity, place): plants older than every rule period are judged by today's rules.</summary>
    private RuleSet EligibilityRules(PermitBasis permit) =>
        context.Rules.Require(Schemes.PlantEligibility,
            permit.Date is { } d && context.Rules.Find(Schemes.PlantEligibility, d) is not null ? d : context.Today);

    /// <summary>Schemes of one plant for a dwelling at the distance; null for plants the schemes do not cover.</summary>
    private PlantNeighbourhood? Neighbourhood(Plant plant, double distance, Provenance provenance)
    {
        var permit = PermitBasis.For(plant, context.Today);
        var eligibility = PlantEligibility.Evaluate(plant, EligibilityRules(permit), provenance);
        if (eligibility.Coverage == Coverage.NotCovered)
            return null;
        return new PlantNeighbourhood(plant, distance, eligibility, permit, NeighbourSchemes.Evaluate(plant, distance, permit, context.Rules, provenance));
    }

    /// <summary>The project of the nearest covered plant of a group: members, permit, and the outcome under each possible permit period.</summary>
    private async Task<ProjectNeighbourhood> ProjectAsync(Geometry site, PlantNeighbourhood nearest, Provenance provenance, CancellationToken cancellationToken)
    {
        var project = await ProjectOfAsync(nearest.Plant, provenance, cancellationToken);
        var permit = PermitBasis.ForProject(project.Members, context.Today);
        if (project.IsInferred)
            provenance.Assume(Explanations.Reason.Of("assume.projects-inferred", ("rule", ProjectGroupingRule.Default.Because)));
        var outcome = await OutcomeAsync(project, nearest, permit, permit.Date, provenance, cancellationToken);
        var others = new List<PeriodOutcome>();
        foreach (var date in permit.EarlierPeriodEnds(context.Rules))
            others.Add(await OutcomeAsync(project, nearest, permit, date, provenance, cancellationToken) with
            {
                Why = Explanations.Reason.Of("permit.other-period", ("date", date)),
            });
        return new ProjectNeighbourhood(project, nearest, permit, outcome, others);
    }

    /// <summary>The members of the plant's project that the schemes cover and that are in operation or planned.</summary>
    private async Task<PlantProject> ProjectOfAsync(Plant plant, Provenance provenance, CancellationToken cancellationToken)
    {
        if (plant.ProjectId is not { } id)
            return PlantProject.Single(plant);
        var members = (await context.Store.ProjectMembersAsync(id, cancellationToken))
            .Where(m => m.Status == plant.Status)
            .Where(m => PlantEligibility.Evaluate(m, EligibilityRules(PermitBasis.For(m, context.Today)), provenance).Coverage == Coverage.Covered)
            .ToList();
        return new PlantProject(id, plant.ProjectBasis, members.Count == 0 ? [plant] : members);
    }

    private async Task<PeriodOutcome> OutcomeAsync(PlantProject project, PlantNeighbourhood nearest, PermitBasis permit, DateOnly? date, Provenance provenance, CancellationToken cancellationToken)
    {
        if (date is not { } d)
            return new PeriodOutcome(default, permit.Why, nearest.Findings, null, null);
        var findings = d == nearest.Permit.Date ? nearest.Findings
            : NeighbourSchemes.Evaluate(nearest.Plant, nearest.DistanceM, permit with { Date = d }, context.Rules, provenance);
        var why = permit.Why;
        if (!findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true }) || context.Rules.Find(Schemes.VeBonus, d) is not { } bonusRules)
            return new PeriodOutcome(d, why, findings, null, null);

        var households = await ProjectHouseholds.CountAsync(context.Store, project.Members, bonusRules, provenance, cancellationToken);
        context.UsePrices(provenance);
        var estimate = VeBonusCalculator.Estimate(project.Members, d, Math.Max(1, households.Households), context.Rules, context.Prices.SpotDkkPerKwh, provenance);
        if (estimate is null)
            return new PeriodOutcome(d, why, findings, null, Explanations.Reason.Of("ve-bonus.capacity-unknown"));
        return new PeriodOutcome(d, why, findings, estimate.PerHouseholdDkk,
            Explanations.Reason.Of("ve-bonus.one-per-project", ("project", project.Id), ("plants", project.Members.Count), ("estimate", estimate.Why), ("households", households.Basis)));
    }
}
