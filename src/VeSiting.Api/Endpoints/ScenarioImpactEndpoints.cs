using VeSiting.Core.Outcomes;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Api.Endpoints;

/// <summary>What a tariff scenario would cost, who gains and who pays, over Denmark, a region or a municipality.</summary>
public static class ScenarioImpactEndpoints
{
    public static void MapScenarioImpact(this WebApplication app)
    {
        app.MapGet("/api/scenarios/{id}/impact", Get).AnswersJson().WithTags("Tariff proposal")
            .WithSummary("The tariff proposal's impact: households per zone, discounts, the revenue they take and the uniform increase that keeps it neutral")
            .WithDescription("`area` = denmark (default) | region:CODE | municipality:CODE; `synthetic=true` counts the synthetic national dwelling set (≈ 2.8 million, labelled synthetic) instead of the loaded addresses; `also=ID` (repeatable) puts other scenarios side by side; `year` picks the price stack. Per zone: households and firms (the firms layer, `vesiting data add firms` or an upload to source `firms`), their consumption, discount in DKK a year in total, per household and for the firms (before VAT); per municipality: net DKK per household, the household basis, and its firms' kWh, discount and share of the increase; who pays: the DSO, Energinet and supplier revenue the discounts take and the uniform øre/kWh increase on every customer outside the zones, households and firms. Zones, discounts and the increase are a proposal, money and consumption estimates. Example: `/api/scenarios/banded-distance/impact?area=region:1083&also=capacity-weighted`.")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
    }

    private static async Task<IResult> Get(ServiceData data, string id, string? area, bool? synthetic, string[]? also, int? year, CancellationToken cancellationToken)
    {
        var scenarios = new List<TariffScenario>();
        foreach (var s in new[] { id }.Concat(also ?? []).Distinct(StringComparer.Ordinal))
        {
            if (!data.Rules.Scenarios.TryGetValue(s, out var scenario))
            {
                var reason = Reason.Of("question.not-one-of", ("value", ValueText.Echo(s)), ("choices", string.Join(", ", data.Rules.Scenarios.Keys.Order())));
                return (s == id ? Refusal.NotFound("id", reason) : Refusal.Invalid("also", reason)).Problem();
            }
            scenarios.Add(scenario);
        }
        var context = data.Context(year);
        var service = new ProposalImpactService(data.Store, context.Prices, data.Rules.Profile("household"), data.Impacts);
        if (!ImpactQuestion.Parse(scenarios, area, synthetic ?? false).TryGet(out var question, out var refusal)
            || !(await question.RunAsync(service, cancellationToken)).TryGet(out var impacts, out refusal))
            return refusal.Problem();
        return Results.Ok(new
        {
            area = impacts[0].Area,
            synthetic = impacts[0].Synthetic,
            status = ProposalImpact.Status.ToDictionary(s => s.Key, s => s.Value.ToString().ToLowerInvariant()),
            householdAnnualKwh = impacts[0].HouseholdAnnualKwh,
            priceStack = impacts[0].PriceStack.ToString(),
            scenarios = impacts.Select(Dto),
            attribution = data.Store.Attributions,
            dataVersion = data.Store.Version.Id,
        });
    }

    private static object Dto(ProposalImpact i) => new
    {
        scenario = i.Scenario.ToString(),
        id = i.Scenario.Id,
        title = i.ScenarioTitle,
        zones = i.Zones.Select(z => new
        {
            zone = z.ZoneId,
            label = z.LabelReason.Rendered,
            labelReason = z.LabelReason,
            z.Households,
            z.Firms,
            householdKwh = Math.Round(z.HouseholdKwh),
            firmKwh = Math.Round(z.FirmKwh),
            discountOrePerKwh = Math.Round(z.DiscountOrePerKwh, 4),
            discountDkkPerYear = Math.Round(z.DiscountDkkPerYear, 2),
            discountPerHouseholdDkk = Math.Round(z.DiscountPerHouseholdDkk, 2),
            firmDiscountOrePerKwh = Math.Round(z.FirmDiscountOrePerKwh, 4),
            firmDiscountDkkPerYear = Math.Round(z.FirmDiscountDkkPerYear, 2),
            status = "proposal (zones, discounts) / estimate (DKK)",
        }),
        whoPays = new
        {
            revenueTaken = i.Revenue.Select(r => new { component = r.Component.ToString(), who = r.WhoReason.Rendered, whoReason = r.WhoReason, dkkPerYear = Math.Round(r.DkkPerYear, 2) }),
            revenueTakenDkkPerYear = Math.Round(i.RevenueTakenDkkPerYear, 2),
            upliftOrePerKwh = i.UpliftOrePerKwh is { } u ? Math.Round(u, 4) : (double?)null,
            outsideHouseholdDkkPerYear = i.OutsideHouseholdDkkPerYear is { } o ? Math.Round(o, 2) : (double?)null,
            status = "proposal (the increase) / estimate (DKK)",
        },
        municipalities = i.Municipalities.Select(m => new
        {
            code = m.Code.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            m.Name,
            m.Households,
            m.ZonedHouseholds,
            discountDkkPerYear = Math.Round(m.DiscountDkkPerYear, 2),
            upliftDkkPerYear = Math.Round(m.UpliftDkkPerYear, 2),
            netDkkPerHousehold = Math.Round(m.NetDkkPerHousehold, 2),
            householdBasis = m.HouseholdBasisReason.Rendered,
            householdBasisReason = m.HouseholdBasisReason,
            m.Firms,
            m.ZonedFirms,
            firmKwh = Math.Round(m.FirmKwh),
            firmDiscountDkkPerYear = Math.Round(m.FirmDiscountDkkPerYear, 2),
            firmUpliftDkkPerYear = Math.Round(m.FirmUpliftDkkPerYear, 2),
            synthetic = i.Synthetic,
        }),
        notes = i.Notes.Select(n => n.Rendered),
        noteReasons = i.Notes,
    };
}
