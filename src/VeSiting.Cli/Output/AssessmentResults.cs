using VeSiting.Cli.Commands;
using VeSiting.Core.Explanations;
using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;

namespace VeSiting.Cli.Output;

/// <summary>Turns assessments into the CLI's tables: a summary, the main rows, sections, and the provenance of every number.</summary>
internal static class AssessmentResults
{
    public static CliResult Site(SiteAssessment a)
    {
        var result = new CliResult($"Assessment of {a.Label}", ["Plant", "Kind", "Distance (m)", "Distance / H", "Scheme", "Applies", "DKK per year", "Why", "Rule set"])
        {
            Attributions = a.Attributions,
            DataVersion = a.DataVersion,
        };
        var c = a.Site.Centroid;
        result.Fact("Site (EPSG:25832)", $"E {c.X:0.00} N {c.Y:0.00}")
            .Fact("Municipality", a.Municipality is { } m ? $"{m.Code} {m.Name}" : Reason.Of("cli.outside-boundaries").Rendered)
            .Fact("Nearest covered plant", a.NearestCoveredPlant is { } n
                ? (n.MultipleOfH is { } k
                    ? Reason.Of("cli.nearest-plant-h", ("plant", n.Plant.Id), ("kind", Describe.KindWord(n.Plant.Kind)), ("distance", n.DistanceM), ("multiple", k))
                    : Reason.Of("cli.nearest-plant", ("plant", n.Plant.Id), ("kind", Describe.KindWord(n.Plant.Kind)), ("distance", n.DistanceM))).Rendered
                : "none found")
            .Fact("Schemes", (a.Plants.Count == 0 ? Reason.Of("cli.schemes-none") : Reason.Of("cli.schemes-count", ("count", a.Plants.Count))).Rendered)
            .Fact("VE-bonus (DKK per year)", Math.Round(a.VeBonusDkkPerYear, 0))
            .Fact("Projects", a.Projects.Count == 0 ? ["none within reach"] : a.Projects.Select(ProjectLine).ToList())
            .Fact("Minimum-distance violations", a.Violations.Any() ? Reason.Join(a.Violations.Select(v => Reason.About(v.Plant.Plant.Id, v.Finding.Why))).Rendered : "none")
            .Fact("Consumption", Reason.Of("cli.consumption", ("profile", a.Profile.Title), ("kwh", a.Profile.AnnualKwh)).Rendered)
            .Fact("Customer", Reason.Of(a.Profile.Customer != Customer.Firm ? "cli.customer-household"
                : a.Profile.ProcessRefund ? "cli.customer-firm-refund" : "cli.customer-firm").Rendered)
            .Fact("Price stack", $"{a.Prices.Title} ({a.Prices.Ref})" + (a.Prices.CarriedForward is { } carried ? $": {carried.Rendered}" : ""));
        foreach (var plant in a.Plants)
        {
            foreach (var finding in plant.Findings)
            {
                result.Row(plant.Plant.Geometry, plant.Plant.Id, Describe.KindWord(plant.Plant.Kind), Math.Round(plant.DistanceM, 2),
                    plant.MultipleOfH is { } multiple ? Math.Round(multiple, 2) : null, Reason.Word("scheme", finding.Scheme), finding.Applies, finding.AmountDkk is { } d ? Math.Round(d, 0) : null,
                    finding.Why.Rendered, finding.RuleSet?.ToString());
            }
        }
        var tariffs = result.Section("Tariffs", ["Scenario", "Status", "Zone", "Price without (DKK/kWh)", "Price with (DKK/kWh)", "Bill without (DKK/yr)", "Bill with (DKK/yr)", "Saving (DKK/yr)", "Why"]);
        foreach (var t in a.Tariffs)
        {
            tariffs.Row(null, t.Scenario.Id, Reason.Word("status", Lower(t.Status)), t.Zone.Zone?.Id ?? "none", Math.Round(t.Without.DkkPerKwh, 4), Math.Round(t.With.DkkPerKwh, 4),
                Math.Round(t.Without.AnnualDkk, 0), Math.Round(t.With.AnnualDkk, 0), Math.Round(t.SavingDkkPerYear, 0),
                Reason.Of("cli.tariff-why", ("zone", t.Zone.Because), ("prices", t.With.Why)).Rendered);
        }
        var components = result.Section("Price components", ["Component", "Value", "Unit", "Status", "Confidence", "Source", "Address", "Read"]);
        foreach (var line in PriceSources.Of(a.Prices, PriceCalculator.Price(a.Prices, a.Profile)))
        {
            var confidence = Reason.Word("confidence", Lower(line.Confidence));
            components.Row(null, line.TitleReason.Rendered, Math.Round(line.Value, 4), line.Unit, Reason.Word("status", Lower(line.Status)),
                line.Flag is null ? confidence : Reason.Of("confidence.flagged", ("confidence", confidence)),
                line.Source, line.Url, line.Read?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        return Provenance(result, a.Provenance);
    }

    /// <summary>One project near a site: members, how they were grouped, the one VE-bonus it pays, and other permit periods' outcomes.</summary>
    private static string ProjectLine(ProjectNeighbourhood p)
    {
        var bonus = p.Outcome.VeBonusDkkPerYear is { } dkk
            ? Reason.Of("cli.project-ve-bonus", ("dkk", dkk), ("why", p.Outcome.VeBonusWhy ?? Reason.Plain("")))
            : Reason.Of("cli.project-no-ve-bonus");
        var line = Reason.Of("cli.project-line", ("project", p.Project.Id), ("plants", p.Project.Members.Count), ("grouping", p.Project.Grouping),
            ("plant", p.Nearest.Plant.Id), ("distance", p.Nearest.DistanceM), ("permit", p.Permit.Why), ("bonus", bonus));
        var others = p.OtherPeriods.Select(o => Reason.Of("cli.project-other-period", ("why", o.Why),
            ("bonus", o.VeBonusDkkPerYear is { } b ? Reason.Of("cli.project-ve-bonus-amount", ("dkk", b)) : Reason.Of("cli.project-no-ve-bonus"))));
        return Reason.Join([line, .. others]).Rendered;
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static CliResult Project(ProjectAssessment a)
    {
        var result = new CliResult($"Assessment of {a.Project.Name}",
            ["Address id", "Address", "Distance (m)", "Distance / H", "Ring", "Nearest plant", "Below minimum distance", "Sales option", "VE-bonus (DKK/yr)", "Loss-of-value fee (DKK)"])
        {
            Attributions = a.Attributions,
            DataVersion = a.DataVersion,
        };
        result.Fact("Plants", Reason.Of("cli.project-plants", ("count", a.Project.Plants.Count), ("mw", a.TotalCapacityKw / 1000), ("covered", a.CoveredCapacityKw / 1000)).Rendered)
            .Fact("Grouping", (a.Project.Grouping ?? Reason.Of("cli.grouping-as-given")).Rendered)
            .Fact("Permit", a.Permit.Why.Rendered)
            .Fact("Rings", string.Join(", ", a.Rings.Select(r => Reason.Of("cli.ring-h", ("k", r.K), ("m", r.RadiusM)).Rendered)
                .Concat(a.SolarRadiusM is { } solar ? [Reason.Of("cli.ring-solar", ("m", solar)).Rendered] : [])) is { Length: > 0 } rings ? rings : Reason.Of("cli.rings-none").Rendered);
        foreach (var c in a.Coverage.Where(c => c.Eligibility.Coverage != Coverage.Covered))
            result.Fact($"Not covered: {c.Plant.Id}", c.Eligibility.Why.Rendered);
        foreach (var group in a.Dwellings.GroupBy(d => d.Ring.Rendered).OrderBy(g => g.Key, StringComparer.Ordinal))
            result.Fact($"Dwellings {group.Key}", group.Count());
        result.Fact("Dwellings closer than the minimum distance", a.Violations.Any()
                ? Reason.Join(a.Violations.Select(v => Reason.Of("cli.address-at", ("address", v.Address.Label), ("distance", v.DistanceM)))).Rendered
                : "none")
            .Fact("Households with the sales option", a.SalesOptionHouseholds)
            .Fact("Households with the VE-bonus", a.VeBonusHouseholds)
            .Fact("VE-bonus per household (DKK/yr)", a.VeBonus is { } b ? Math.Round(b.PerHouseholdDkk, 0) : 0)
            .Fact("VE-bonus total (DKK/yr)", a.VeBonus is { } t ? Math.Round(t.TotalDkk, 0) : 0)
            .Fact("VE-bonus basis", a.VeBonusWhy.Rendered)
            .Fact("1.5 % cap", (a.VeBonus is { } cap
                ? Reason.Of("cli.cap", ("cap", cap.Cap.CapKw), ("households", cap.Cap.Households), ("k", cap.KPerHouseholdKw),
                    ("outcome", cap.Cap.Applied ? Reason.Of("cli.cap-applied", ("k", cap.Cap.EffectiveKw)) : Reason.Of("cli.cap-not-reached")))
                : Reason.Of("cli.cap-not-relevant")).Rendered)
            .Fact("Green pool (DKK)", Math.Round(a.GreenPoolDkk, 0))
            .Fact("Told of the public meeting", Reason.Of("cli.meeting-notice", ("count", a.MeetingNoticeAddresses), ("why", a.MeetingNoticeWhy)).Rendered)
            .Fact("Buildings within the outermost ring", a.BuildingsWithinRings);
        foreach (var o in a.OtherPeriods)
            result.Fact($"If permitted by {o.PermitDate:yyyy-MM-dd}", Reason.Of("cli.other-period", ("sales", o.SalesOptionHouseholds), ("households", o.VeBonusHouseholds),
                ("each", o.VeBonusPerHouseholdDkk), ("total", o.VeBonusTotalDkk), ("pool", o.GreenPoolDkk)).Rendered);
        foreach (var d in a.Dwellings)
        {
            var sale = d.Findings.FirstOrDefault(f => f.Scheme == Schemes.SalesOption)?.Applies ?? false;
            var fee = d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk;
            result.Row(d.Address.Position, d.Address.Id, d.Address.Label, Math.Round(d.DistanceM, 2), d.MultipleOfH is { } k ? Math.Round(k, 2) : null, d.Ring.Rendered,
                d.NearestPlant.Id, d.Violation, sale, Math.Round(d.VeBonusDkkPerYear, 0), fee);
        }
        var pool = result.Section("Green pool by municipality", ["Code", "Municipality", "MW", "DKK", "Why"]);
        foreach (var m in a.GreenPool)
            pool.Row(null, m.Code, m.NameReason.Rendered, Math.Round(m.Mw, 3), Math.Round(m.Dkk, 0), m.Why.Rendered);
        var plants = result.Section("Plants", ["Id", "Kind", "E", "N", "Hub height (m)", "Rotor diameter (m)", "Total height (m)", "Capacity (kW)"]);
        foreach (var p in a.Project.Plants)
        {
            var c = p.Geometry.Centroid;
            plants.Row(p.Geometry, p.Id, Describe.KindWord(p.Kind), Math.Round(c.X, 2), Math.Round(c.Y, 2), p.HubHeightM, p.RotorDiameterM, p.TotalHeightM, p.CapacityKw);
        }
        NoiseResults.AddTo(result, a.Noise);
        return Provenance(result, a.Provenance);
    }

    public static CliResult Municipality(MunicipalityAssessment a)
    {
        var result = new CliResult($"Municipality {a.Area.Code} {a.Area.Name}", ["Technology", "Plants", "MW"])
        {
            Attributions = a.Attributions,
            DataVersion = a.DataVersion,
        };
        result.Fact("Plants in operation", a.Technologies.Sum(t => t.Plants))
            .Fact("Capacity (MW)", Math.Round(a.Technologies.Sum(t => t.Mw), 3))
            .Fact("Green pool received (DKK)", Math.Round(a.GreenPool.Sum(g => g.Dkk), 0))
            .Fact("Green pool basis", a.GreenPoolWhy.Rendered)
            .Fact("Addresses", a.Addresses);
        if (a.AddressCoverage?.SourceReason?.Rendered is { } sources)
            result.Fact("Address source", sources);
        if (a.HouseholdBasis is { } households)
            result.Fact("Households", households.Because.Rendered);
        foreach (var (ring, count) in a.AddressesInSchemeRings)
            result.Fact($"Addresses {(a.SchemeRingLabels.TryGetValue(ring, out var label) ? label.Rendered : ring)} of a covered turbine", count);
        result.Fact("VE-bonus paid (DKK/yr)", Math.Round(a.VeBonusDkkPerYear, 0)).Fact("VE-bonus basis", a.VeBonusWhy.Rendered);
        foreach (var p in a.VeBonusByProject)
            result.Fact($"VE-bonus from {p.ProjectId}", Reason.Of("ve-bonus.paid-here", ("here", p.HouseholdsHere), ("total", p.HouseholdsTotal), ("dkk", p.PerHouseholdDkk), ("members", p.Members), ("grouping", p.Grouping)).Rendered);
        foreach (var t in a.Technologies)
            result.Row(null, t.TechnologyReason, t.Plants, Math.Round(t.Mw, 3));
        var pool = result.Section("Green pool by period", ["Rule set", "Permits", "Technology", "Plants", "MW", "DKK", "Rate"]);
        foreach (var g in a.GreenPool)
            pool.Row(null, g.RuleSet, g.Period, g.Technology, g.Plants, Math.Round(g.Mw, 3), Math.Round(g.Dkk, 0), Reason.Word("confidence", g.Confidence));
        var zones = result.Section("Tariff-zone coverage", ["Scenario", "Zone", "Label", "Addresses", "Share"]);
        foreach (var z in a.TariffZones)
            zones.Row(null, z.ScenarioId, z.ZoneId == "" ? "none" : z.ZoneId, z.ZoneId == "" ? Reason.Of("tariff.no-zone-label").Rendered : z.Label, z.Addresses, Math.Round(z.Share, 4));
        return Provenance(result, a.Provenance);
    }

    private static CliResult Provenance(CliResult result, Provenance provenance)
    {
        result.Fact("Rule sets used", provenance.RuleSets.Select(r => r.ToString()).ToList())
            .Fact("Unconfirmed values used", provenance.Unconfirmed.Count == 0 ? ["none"] : provenance.Unconfirmed.Select(u => u.ToString()).ToList())
            .Fact("Reported values used (secondary sources)", provenance.Reported.Count == 0 ? ["none"] : provenance.Reported.Select(u => u.ToString()).ToList())
            .Fact("Status", Reason.Of("cli.status-summary").Rendered)
            .Fact("Assumptions", provenance.Assumptions.Count == 0 ? ["none"] : provenance.Assumptions.ToList());
        return result;
    }
}
