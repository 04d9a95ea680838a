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
            .Fact("Municipality", a.Municipality is { } m ? $"{m.Code} {m.Name}" : "(outside the boundaries)")
            .Fact("Nearest covered plant", a.NearestCoveredPlant is { } n
                ? $"{n.Plant.Id} ({Describe.Kind(n.Plant.Kind)}) at {n.DistanceM:0} m" + (n.MultipleOfH is { } k ? $" = {k:0.##} × H" : "")
                : "none found")
            .Fact("Schemes", a.Plants.Count == 0 ? "none apply: no covered plant within reach of any scheme" : $"{a.Plants.Count} covered plant(s) within reach")
            .Fact("VE-bonus (DKK per year)", Math.Round(a.VeBonusDkkPerYear, 0))
            .Fact("Projects", a.Projects.Count == 0 ? ["none within reach"] : a.Projects.Select(ProjectLine).ToList())
            .Fact("Minimum-distance violations", a.Violations.Any() ? string.Join("; ", a.Violations.Select(v => $"{v.Plant.Plant.Id}: {v.Finding.Why.Rendered}")) : "none")
            .Fact("Consumption", $"{a.Profile.Title}: {a.Profile.AnnualKwh:0} kWh/yr")
            .Fact("Customer", a.Profile.Customer == Customer.Firm
                ? $"firm: VAT excluded (deductible){(a.Profile.ProcessRefund ? ", elafgift refunded for process use" : "")}"
                : "household: VAT included")
            .Fact("Price stack", $"{a.Prices.Title} ({a.Prices.Ref})" + (a.Prices.CarriedForward is { } carried ? $": {carried.Rendered}" : ""));
        foreach (var plant in a.Plants)
        {
            foreach (var finding in plant.Findings)
            {
                result.Row(plant.Plant.Geometry, plant.Plant.Id, Describe.Kind(plant.Plant.Kind), Math.Round(plant.DistanceM, 2),
                    plant.MultipleOfH is { } multiple ? Math.Round(multiple, 2) : null, finding.Scheme, finding.Applies, finding.AmountDkk is { } d ? Math.Round(d, 0) : null,
                    finding.Why.Rendered, finding.RuleSet?.ToString());
            }
        }
        var tariffs = result.Section("Tariffs", ["Scenario", "Status", "Zone", "Price without (DKK/kWh)", "Price with (DKK/kWh)", "Bill without (DKK/yr)", "Bill with (DKK/yr)", "Saving (DKK/yr)", "Why"]);
        foreach (var t in a.Tariffs)
        {
            tariffs.Row(null, t.Scenario.Id, Lower(t.Status), t.Zone.Zone?.Id ?? "none", Math.Round(t.Without.DkkPerKwh, 4), Math.Round(t.With.DkkPerKwh, 4),
                Math.Round(t.Without.AnnualDkk, 0), Math.Round(t.With.AnnualDkk, 0), Math.Round(t.SavingDkkPerYear, 0), $"{t.Zone.Because.Rendered}; prices: {t.With.Why.Rendered}");
        }
        var components = result.Section("Price components", ["Component", "Value", "Unit", "Status", "Confidence", "Source", "Address", "Read"]);
        foreach (var line in PriceSources.Of(a.Prices, PriceCalculator.Price(a.Prices, a.Profile)))
        {
            components.Row(null, line.Title, Math.Round(line.Value, 4), line.Unit, Lower(line.Status), Lower(line.Confidence) + (line.Flag is null ? "" : " (flagged)"),
                line.Source, line.Url, line.Read?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        return Provenance(result, a.Provenance);
    }

    /// <summary>One project near a site: members, how they were grouped, the one VE-bonus it pays, and other permit periods' outcomes.</summary>
    private static string ProjectLine(ProjectNeighbourhood p)
    {
        var bonus = p.Outcome.VeBonusDkkPerYear is { } dkk ? $"VE-bonus {dkk:0} DKK/yr ({p.Outcome.VeBonusWhy?.Rendered})" : "no VE-bonus";
        var others = p.OtherPeriods.Select(o => $"{o.Why.Rendered}: {(o.VeBonusDkkPerYear is { } b ? $"VE-bonus {b:0} DKK/yr" : "no VE-bonus")}");
        return $"{p.Project.Id} ({p.Project.Members.Count} plant(s), {p.Project.Grouping.Rendered}); nearest {p.Nearest.Plant.Id} at {p.Nearest.DistanceM:0} m; {p.Permit.Why.Rendered}; {bonus}"
            + string.Concat(others.Select(o => $"; {o}"));
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
        result.Fact("Plants", $"{a.Project.Plants.Count}, {a.TotalCapacityKw / 1000:0.###} MW ({a.CoveredCapacityKw / 1000:0.###} MW covered by the schemes)")
            .Fact("Grouping", a.Project.Grouping?.Rendered ?? "as given")
            .Fact("Permit", a.Permit.Why.Rendered)
            .Fact("Rings", string.Join(", ", a.Rings.Select(r => $"{r.K:0.##} × H = {r.RadiusM:0.#} m")
                .Concat(a.SolarRadiusM is { } solar ? [$"{solar:0.##} m around solar"] : [])) is { Length: > 0 } rings ? rings : "none for this permit period");
        foreach (var c in a.Coverage.Where(c => c.Eligibility.Coverage != Coverage.Covered))
            result.Fact($"Not covered: {c.Plant.Id}", c.Eligibility.Why.Rendered);
        foreach (var group in a.Dwellings.GroupBy(d => d.Ring.Rendered).OrderBy(g => g.Key, StringComparer.Ordinal))
            result.Fact($"Dwellings {group.Key}", group.Count());
        result.Fact("Dwellings closer than the minimum distance", a.Violations.Any() ? string.Join("; ", a.Violations.Select(v => $"{v.Address.Label} at {v.DistanceM:0} m")) : "none")
            .Fact("Households with the sales option", a.SalesOptionHouseholds)
            .Fact("Households with the VE-bonus", a.VeBonusHouseholds)
            .Fact("VE-bonus per household (DKK/yr)", a.VeBonus is { } b ? Math.Round(b.PerHouseholdDkk, 0) : 0)
            .Fact("VE-bonus total (DKK/yr)", a.VeBonus is { } t ? Math.Round(t.TotalDkk, 0) : 0)
            .Fact("VE-bonus basis", a.VeBonusWhy.Rendered)
            .Fact("1.5 % cap", a.VeBonus is { } cap ? $"{cap.Cap.CapKw:0.##} kW for {cap.Cap.Households} households × {cap.KPerHouseholdKw:0.##} kW: {(cap.Cap.Applied ? $"applied, k cut to {cap.Cap.EffectiveKw:0.###} kW" : "not reached")}" : "not relevant")
            .Fact("Green pool (DKK)", Math.Round(a.GreenPoolDkk, 0))
            .Fact("Told of the public meeting", $"{a.MeetingNoticeAddresses} addresses: {a.MeetingNoticeWhy.Rendered}")
            .Fact("Buildings within the outermost ring", a.BuildingsWithinRings);
        foreach (var o in a.OtherPeriods)
            result.Fact($"If permitted by {o.PermitDate:yyyy-MM-dd}", $"{o.SalesOptionHouseholds} sales-option and {o.VeBonusHouseholds} VE-bonus households, VE-bonus {o.VeBonusPerHouseholdDkk:0} DKK/yr each ({o.VeBonusTotalDkk:0} in all), green pool {o.GreenPoolDkk:0} DKK");
        foreach (var d in a.Dwellings)
        {
            var sale = d.Findings.FirstOrDefault(f => f.Scheme == Schemes.SalesOption)?.Applies ?? false;
            var fee = d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk;
            result.Row(d.Address.Position, d.Address.Id, d.Address.Label, Math.Round(d.DistanceM, 2), d.MultipleOfH is { } k ? Math.Round(k, 2) : null, d.Ring.Rendered,
                d.NearestPlant.Id, d.Violation, sale, Math.Round(d.VeBonusDkkPerYear, 0), fee);
        }
        var pool = result.Section("Green pool by municipality", ["Code", "Municipality", "MW", "DKK", "Why"]);
        foreach (var m in a.GreenPool)
            pool.Row(null, m.Code, m.Name, Math.Round(m.Mw, 3), Math.Round(m.Dkk, 0), m.Why.Rendered);
        var plants = result.Section("Plants", ["Id", "Kind", "E", "N", "Hub height (m)", "Rotor diameter (m)", "Total height (m)", "Capacity (kW)"]);
        foreach (var p in a.Project.Plants)
        {
            var c = p.Geometry.Centroid;
            plants.Row(p.Geometry, p.Id, Describe.Kind(p.Kind), Math.Round(c.X, 2), Math.Round(c.Y, 2), p.HubHeightM, p.RotorDiameterM, p.TotalHeightM, p.CapacityKw);
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
            result.Row(null, t.Technology, t.Plants, Math.Round(t.Mw, 3));
        var pool = result.Section("Green pool by period", ["Rule set", "Permits", "Technology", "Plants", "MW", "DKK", "Rate"]);
        foreach (var g in a.GreenPool)
            pool.Row(null, g.RuleSet, g.Period, g.Technology, g.Plants, Math.Round(g.Mw, 3), Math.Round(g.Dkk, 0), g.Confidence);
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
            .Fact("Status", "schemes, rings and green pool: law (the rules in force); VE-bonus, production and prices: estimate; tariff zones: proposal")
            .Fact("Assumptions", provenance.Assumptions.Count == 0 ? ["none"] : provenance.Assumptions.ToList());
        return result;
    }
}
