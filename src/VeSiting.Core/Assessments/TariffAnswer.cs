namespace VeSiting.Core.Assessments;

/// <summary>A site's zone under one scenario and its price per kWh and annual bill with and without the scenario.</summary>
public sealed record TariffAnswer(TariffScenario Scenario, ZoneResult Zone, PriceBreakdown Without, PriceBreakdown With)
{
    /// <summary>Records a scenario as used: a proposal that no primary source enacts, so never recorded as confirmed.</summary>
    public static void UseScenario(Provenance provenance, TariffScenario scenario) =>
        provenance.Uses(scenario.Ref, "zones", new RuleValue(scenario.Zones.Count, "zones", scenario.File, Confidence.Unconfirmed,
            $"proposal: tariff scenario '{scenario.Id}' is not law")
        { NoteReason = Explanations.Reason.Of("provenance.scenario-not-law", ("scenario", scenario.Id)) });

    /// <summary>Distance tariffs are a proposal, never law.</summary>
    public AnswerStatus Status => AnswerStatus.Proposal;

    /// <summary>Prices and bills are estimates from the year's price stack.</summary>
    public AnswerStatus PriceStatus => AnswerStatus.Estimate;

    public double SavingDkkPerYear => Without.AnnualDkk - With.AnnualDkk;

    public static async Task<IReadOnlyList<TariffAnswer>> ForSiteAsync(AssessmentContext context, NetTopologySuite.Geometries.Geometry site,
        ConsumptionProfile profile, Provenance provenance, CancellationToken cancellationToken)
    {
        context.UsePrices(provenance);
        if (profile.ProcessRefund && context.Prices.ProcessRefund is { } refund)
            provenance.Uses(context.Prices.Ref, "processRefund", new RuleValue(refund.OrePerKwh, "øre/kWh", refund.Source, refund.Confidence, refund.Note));
        var without = PriceCalculator.Price(context.Prices, profile);
        var answers = new List<TariffAnswer>();
        var radius = context.Scenarios.Count == 0 ? 0 : context.Scenarios.Max(s => s.SearchRadiusM);
        var nearby = radius > 0 ? await context.Store.PlantsWithinAsync(site, radius, PlantFilter.Any, cancellationToken) : [];
        foreach (var scenario in context.Scenarios)
        {
            UseScenario(provenance, scenario);
            var zone = ZoneResolver.Resolve(scenario, nearby.Where(p => p.DistanceM <= scenario.SearchRadiusM));
            var with = PriceCalculator.Price(context.Prices, profile, zone.Zone?.Discounts);
            answers.Add(new TariffAnswer(scenario, zone, without, with));
        }
        return answers;
    }
}
