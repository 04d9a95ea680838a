using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Assessments;

/// <summary>What distance means for one home or firm: plants near it, each scheme and why, DKK per year, tariff zones and prices.</summary>
public sealed record SiteAssessment(
    string Label,
    Geometry Site,
    AdminArea? Municipality,
    IReadOnlyList<PlantNeighbourhood> Plants,
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

    public double VeBonusDkkPerYear => Plants.Sum(p => p.VeBonusDkkPerYear ?? 0);
}

/// <summary>Assesses a site (a point, an address's access point or a building footprint).</summary>
public sealed class SiteAssessor(AssessmentContext context)
{
    public async Task<SiteAssessment> AssessAsync(Geometry site, string label, ConsumptionProfile profile, CancellationToken cancellationToken = default)
    {
        profile.Validated();
        var provenance = new Provenance();
        var store = context.Store;
        var nearby = await store.PlantsWithinAsync(site, AssessmentContext.SchemeSearchRadiusM, AssessmentContext.Candidates, cancellationToken);
        var plants = new List<PlantNeighbourhood>();
        foreach (var hit in nearby)
        {
            if (await NeighbourhoodAsync(hit.Plant, hit.DistanceM, provenance, cancellationToken) is { } neighbourhood)
                plants.Add(neighbourhood);
        }

        PlantNeighbourhood? nearestCovered = plants.FirstOrDefault(p => p.Eligibility.Coverage == Coverage.Covered);
        if (nearestCovered is null)
        {
            foreach (var hit in await store.NearestPlantsAsync(site.Centroid, AssessmentContext.Candidates, 10, cancellationToken))
            {
                var eligibility = PlantEligibility.Evaluate(hit.Plant, context.Rules.Require(Schemes.PlantEligibility, context.Today), provenance);
                if (eligibility.Coverage == Coverage.Covered)
                {
                    var distance = site.Distance(hit.Plant.Geometry);
                    nearestCovered = new PlantNeighbourhood(hit.Plant, distance, eligibility, PermitBasis.For(hit.Plant, context.Today), [], null, null);
                    break;
                }
            }
        }

        var tariffs = await TariffAnswer.ForSiteAsync(context, site, profile, provenance, cancellationToken);
        var municipality = await store.AreaAtAsync(AdminAreaKind.Municipality, site.Centroid, cancellationToken);
        return new SiteAssessment(label, site, municipality, plants, nearestCovered, tariffs, profile, context.Prices, provenance, store.Attributions, store.Version.Id);
    }

    /// <summary>Schemes and VE-bonus of one plant for a dwelling at the distance; null for plants the schemes do not cover.</summary>
    private async Task<PlantNeighbourhood?> NeighbourhoodAsync(Plant plant, double distance, Provenance provenance, CancellationToken cancellationToken)
    {
        var permit = PermitBasis.For(plant, context.Today);
        // Eligibility is physical (height, capacity): plants older than every rule period are judged by today's rules.
        var eligibilityDate = permit.Date is { } d && context.Rules.Find(Schemes.PlantEligibility, d) is not null ? d : context.Today;
        var eligibilityRules = context.Rules.Require(Schemes.PlantEligibility, eligibilityDate);
        var eligibility = PlantEligibility.Evaluate(plant, eligibilityRules, provenance);
        if (eligibility.Coverage == Coverage.NotCovered)
            return null;
        var findings = NeighbourSchemes.Evaluate(plant, distance, permit, context.Rules, provenance);
        var bonus = findings.FirstOrDefault(f => f is { Scheme: Schemes.VeBonus, Applies: true });
        if (bonus is null || permit.Date is not { } date)
            return new PlantNeighbourhood(plant, distance, eligibility, permit, findings, null, null);

        // The cap depends on how many households qualify for this plant.
        var radius = VeBonusCalculator.Reach(plant, context.Rules.Require(Schemes.VeBonus, date), provenance);
        var households = (await context.Store.SitesWithinAsync(plant.Geometry, radius, cancellationToken)).Addresses.Count;
        context.UsePrices(provenance);
        provenance.Assume("one household per access address");
        var estimate = VeBonusCalculator.Estimate([plant], date, Math.Max(1, households), context.Rules, context.Prices.SpotDkkPerKwh, provenance);
        return new PlantNeighbourhood(plant, distance, eligibility, permit, findings, estimate?.PerHouseholdDkk, estimate?.Why);
    }
}
