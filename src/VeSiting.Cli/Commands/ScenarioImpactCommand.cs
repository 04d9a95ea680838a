using System.Diagnostics;
using VeSiting.Core.Explanations;
using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting scenario impact</c>: what each tariff scenario would cost, who gains and who pays, side by side.</summary>
public sealed class ScenarioImpactCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<ScenarioImpactCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("--area <AREA>")]
        [Description("denmark (default), region:CODE or municipality:CODE.")]
        public string Area { get; init; } = "denmark";

        [CommandOption("--synthetic")]
        [Description("Count the synthetic national dwelling set (≈ 2.8 million, labelled synthetic) instead of the loaded addresses.")]
        public bool Synthetic { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, library) = RuleContext.Create(settings, store, data.Today);
        var service = new ProposalImpactService(store, assessment.Prices, library.Profile("household"));
        var impacts = new List<(ProposalImpact Impact, TimeSpan Elapsed)>();
        var question = ImpactQuestion.Parse(assessment.Scenarios, settings.Area, settings.Synthetic).OrExit();
        foreach (var scenario in question.Scenarios)
        {
            // One at a time, so the table can say how long each took.
            var clock = Stopwatch.StartNew();
            impacts.Add(((await (question with { Scenarios = [scenario] }).RunAsync(service, cancellationToken)).OrExit()[0], clock.Elapsed));
        }
        renderer.Write(Result(impacts, store.Attributions, store.Version.Id), format);
        return ExitCodes.Ok;
    }

    internal static CliResult Result(IReadOnlyList<(ProposalImpact Impact, TimeSpan Elapsed)> impacts, IReadOnlyList<string> attributions, string dataVersion)
    {
        var first = impacts[0].Impact;
        var result = new CliResult(Reason.Of(first.Synthetic ? "cli.impact-title-synthetic" : "cli.impact-title", ("area", first.Area)).Rendered,
            ["Scenario", "Zone", "Households", "Firms", "Household kWh", "Firm kWh", "Discount øre/kWh", "Discount DKK/yr", "Per household DKK/yr", "Firms' discount DKK/yr (ex VAT)"])
        {
            Attributions = attributions,
            DataVersion = dataVersion,
        };
        result.Fact("Price stack", first.PriceStack.ToString()).Fact("Household", Reason.Of("cli.kwh-a-year", ("kwh", first.HouseholdAnnualKwh)).Rendered).Fact("Synthetic", first.Synthetic);
        foreach (var (impact, elapsed) in impacts)
        {
            result.Fact($"{impact.Scenario.Id}: revenue taken (DKK/yr before VAT)", string.Join("; ", impact.Revenue.Select(r => $"{r.WhoReason.Rendered} {MessageCatalogue.Current.Number(r.DkkPerYear, "#,0")}")));
            result.Fact($"{impact.Scenario.Id}: uniform increase outside the zones (øre/kWh before VAT)", impact.UpliftOrePerKwh is { } u ? Math.Round(u, 3) : Reason.Of("cli.impact-no-uplift").Rendered);
            result.Fact($"{impact.Scenario.Id}: a household outside the zones pays (DKK/yr with VAT)", impact.OutsideHouseholdDkkPerYear is { } o ? Math.Round(o, 2) : null);
            result.Fact($"{impact.Scenario.Id}: computed in (s)", Math.Round(elapsed.TotalSeconds, 3));
            foreach (var z in impact.Zones)
                result.Row(null, impact.Scenario.Id, z.ZoneId ?? (object)Reason.Word("cli.zone", "outside"), z.Households, z.Firms, Math.Round(z.HouseholdKwh), Math.Round(z.FirmKwh), Math.Round(z.DiscountOrePerKwh, 3),
                    Math.Round(z.DiscountDkkPerYear), Math.Round(z.DiscountPerHouseholdDkk, 2), Math.Round(z.FirmDiscountDkkPerYear));
            var byMunicipality = result.Section($"{impact.Scenario.Id} by municipality",
                ["Code", "Municipality", "Households", "Zoned", "Net DKK per household", "Household basis", "Firms", "Zoned firms", "Firm kWh", "Firms save DKK/yr", "Firms pay DKK/yr"]);
            foreach (var m in impact.Municipalities)
                byMunicipality.Row(null, m.Code.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), m.Name, m.Households, m.ZonedHouseholds, Math.Round(m.NetDkkPerHousehold, 2), m.HouseholdBasisReason,
                    m.Firms, m.ZonedFirms, Math.Round(m.FirmKwh), Math.Round(m.FirmDiscountDkkPerYear), Math.Round(m.FirmUpliftDkkPerYear));
            result.Fact($"{impact.Scenario.Id}: notes", impact.Notes.Select(n => n.Rendered).ToList());
        }
        return result;
    }
}
