using System.Globalization;
using VeSiting.Core.Assessments;
using VeSiting.Core.Rules;
using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Reports.Model;

/// <summary>
/// Builds the case report of a project answer: the figures are those of the JSON answer (rounded the same way), each section
/// says what its numbers rest on, and the last section lists the rules, statuses, unconfirmed values and data sources.
/// </summary>
public sealed class CaseReportBuilder(ReportLanguage t)
{
    public CaseReport Build(ProjectAssessment a, ShadowFlickerPart flicker, byte[] mapPng, DateTimeOffset made)
    {
        var sections = new List<ReportSection>
        {
            new(t["map"], [new MapBlock(mapPng, Map.ReportMapPainter.Width, Map.ReportMapPainter.Height, t["map.caption"])]),
            Summary(a, flicker),
            Plants(a),
            Rings(a),
            Neighbours(a, flicker),
            Money(a),
        };
        if (a.Noise is not null)
            sections.Add(Noise(a.Noise));
        sections.Add(Flicker(flicker));
        sections.Add(Rules(a, flicker));
        var subtitle = $"{t["generated"]} {made.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {t["data-version"]} {a.DataVersion} · {a.Permit.Explanation}";
        return new CaseReport(t.Code, $"{t["title"]}: {a.Project.Name}", subtitle, sections,
            $"VeSiting · {a.Project.Name} · {t["data-version"]} {a.DataVersion}");
    }

    private string N(double v, string format = "#,0.##") => t.Number(v, format);

    private ReportSection Summary(ProjectAssessment a, ShadowFlickerPart flicker)
    {
        var facts = new List<ReportFact>
        {
            new(t["project"], a.Project.Name),
            new(t["permit"], a.Permit.Explanation),
            new(t["plants"], $"{a.Project.Plants.Count} · {t["capacity"]} {N(a.TotalCapacityKw / 1000, "#,0.###")} MW"),
        };
        if (a.Project.Grouping is { } grouping)
            facts.Add(new(t["grouping"], t.Render(grouping)));
        facts.Add(new(t["dwellings.within"], N(a.Dwellings.Count)));
        foreach (var ring in RingRows(a))
            facts.Add(new($"  {t.Ring(ring.Label)}", $"{N(ring.Addresses)} ({N(ring.Households)} {t["households"].ToLowerInvariant()})"));
        facts.Add(new(t["below-minimum"], N(a.Violations.Count())));
        facts.Add(new(t["sales-option.households"], N(a.SalesOptionHouseholds)));
        facts.Add(new(t["ve-bonus.households"], N(a.VeBonusHouseholds)));
        if (a.VeBonus is { } bonus)
            facts.Add(new(t["ve-bonus"], $"{N(Math.Round(bonus.PerHouseholdDkk, 2))} {t["dkk"]} × {N(bonus.Cap.Households)} = {N(Math.Round(bonus.TotalDkk, 2))} {t["dkk"]}"));
        facts.Add(new(t["green-pool.total"], N(Math.Round(a.GreenPoolDkk, 2))));
        facts.Add(new(t["meeting-notice"], N(a.MeetingNoticeAddresses)));
        facts.Add(new(t["buildings"], N(a.BuildingsWithinRings)));
        if (a.Noise is { } noise)
            facts.Add(new(t["noise"], t.Render(noise.Summary.Why)));
        facts.Add(new(t["flicker"], t.Render(flicker.Summary)));
        return new(t["summary"], [new FactsBlock(facts)]);
    }

    private sealed record RingRow(string Label, int Addresses, int Households, double Order);

    /// <summary>Dwellings and households per ring, nearest ring first (the ring labels of the answer).</summary>
    private static List<RingRow> RingRows(ProjectAssessment a) =>
        [.. a.Dwellings.GroupBy(d => d.Ring.Text, StringComparer.Ordinal)
            .Select(g => new RingRow(g.Key, g.Count(), g.Sum(d => d.Households), g.Min(d => d.MultipleOfH ?? d.DistanceM)))
            .OrderBy(r => r.Order)];

    private ReportSection Plants(ProjectAssessment a) => new(t["plants.table"],
    [
        new TableBlock(
            [new(t["plant"], 1.3), new(t["kind"], 1.1), new(t["position"], 1.8), new(t["hub"], 0.7, true), new(t["rotor"], 0.7, true),
             new(t["total-height"], 0.7, true), new(t["mw"], 0.7, true), new(t["coverage"], 3)],
            [.. a.Coverage.Select(c => (IReadOnlyList<string>)
            [
                c.Plant.Id, c.Plant.Kind.ToString(),
                $"{c.Plant.Geometry.Centroid.X.ToString("0", CultureInfo.InvariantCulture)}, {c.Plant.Geometry.Centroid.Y.ToString("0", CultureInfo.InvariantCulture)}",
                Opt(c.Plant.HubHeightM), Opt(c.Plant.RotorDiameterM), Opt(c.Plant.TotalHeightM), Opt(c.Plant.CapacityMw, "#,0.###"),
                $"{c.Eligibility.Coverage}: {c.Eligibility.Reason}",
            ])]),
    ]);

    private string Opt(double? v, string format = "#,0.##") => v is { } x ? N(x, format) : "–";

    private ReportSection Rings(ProjectAssessment a)
    {
        var rings = a.Rings.Select(r => (IReadOnlyList<string>)[$"{N(r.K)} × H", $"{N(Math.Round(r.RadiusM, 1))} m"]).ToList();
        var blocks = new List<ReportBlock>
        {
            new TableBlock([new(t["ring"], 4), new(t["addresses"], 1, true), new(t["households"], 1, true)],
                [.. RingRows(a).Select(r => (IReadOnlyList<string>)[t.Ring(r.Label), N(r.Addresses), N(r.Households)])]),
        };
        if (rings.Count > 0)
            blocks.Add(new TableBlock([new(t["ring"], 1), new(t["radius"], 1, true)], rings));
        if (a.SolarRadiusM is { } solar)
            blocks.Add(new TextBlock([$"{t["band.solar"]}: {N(solar)} m"]));
        return new(t["rings"], blocks);
    }

    private ReportSection Neighbours(ProjectAssessment a, ShadowFlickerPart flicker)
    {
        var noise = (a.Noise?.Dwellings ?? []).ToDictionary(n => n.Address.Id, StringComparer.Ordinal);
        string Noise(string id, bool eight) => noise.TryGetValue(id, out var row) && row.Noise.Turbines > 0
            ? eight ? $"{N(row.Noise.Level8, "0.0")} ({N(row.Noise.Limit8)})" : $"{N(row.Noise.Level6, "0.0")} ({N(row.Noise.Limit6)})"
            : "–";
        string Flicker(string id, bool expected) => flicker.For(id) is { } f
            ? N(Math.Round(expected ? f.Flicker.ExpectedHours : f.Flicker.WorstCaseHours, 2)) + (expected && f.OverLimit ? " !" : "")
            : "–";
        var columns = new List<ReportColumn>
        {
            new(t["address"], 2.8), new(t["distance"], 1, true), new(t["multiple"], 0.7, true), new(t["ring"], 2.6), new(t["below-minimum.short"], 0.7),
            new(t["sales-option.short"], 0.9), new(t["ve-bonus.dkk"], 1.1, true), new(t["fee.dkk"], 1.1, true), new(t["noise8"], 1.2, true), new(t["noise6"], 1.2, true),
            new(t["flicker.expected"], 1, true), new(t["flicker.worst"], 1, true),
        };
        var rows = a.Dwellings.OrderBy(d => d.DistanceM).ThenBy(d => d.Address.Id, StringComparer.Ordinal).Select(d => (IReadOnlyList<string>)
        [
            d.Address.Label, N(Math.Round(d.DistanceM, 2), "#,0.#"), d.MultipleOfH is { } k ? N(Math.Round(k, 2)) : "–", t.Ring(d.Ring.Text), t.YesNo(d.Violation), t.YesNo(d.SalesOption),
            N(Math.Round(d.VeBonusDkkPerYear, 2)), d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk is { } fee ? N(fee) : "–",
            Noise(d.Address.Id, true), Noise(d.Address.Id, false), Flicker(d.Address.Id, true), Flicker(d.Address.Id, false),
        ]).ToList();
        var blocks = new List<ReportBlock> { new TextBlock([t["neighbours.note"]], Small: true), new TableBlock(columns, rows) };

        var inRings = a.Dwellings.Select(d => d.Address.Id).ToHashSet(StringComparer.Ordinal);
        var beyond = noise.Values.Select(n => (n.Address.Id, n.Address.Label))
            .Concat(flicker.Dwellings.Select(f => (f.Home.Id, f.Home.Label)))
            .Where(x => !inRings.Contains(x.Id)).DistinctBy(x => x.Id).ToList();
        // Beyond the rings only what matters to the case: a noise limit exceeded or any shadow flicker; the rest is counted.
        bool Matters(string id) => noise.TryGetValue(id, out var n) && (n.Noise.Over8 || n.Noise.Over6 || n.Noise.OverLowFrequency)
            || flicker.For(id) is { Flicker.WorstCaseMinutes: > 0 };
        var others = beyond.Where(x => Matters(x.Id)).OrderBy(x => x.Label, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            blocks.Add(new TextBlock([t["neighbours.others"]]));
            blocks.Add(new TableBlock(
                [new(t["address"], 4), new(t["noise8"], 1.3, true), new(t["noise6"], 1.3, true), new(t["flicker.expected"], 1.2, true), new(t["flicker.worst"], 1.2, true)],
                [.. others.Select(o => (IReadOnlyList<string>)[o.Label, Noise(o.Id, true), Noise(o.Id, false), Flicker(o.Id, true), Flicker(o.Id, false)])]));
        }
        if (beyond.Count > others.Count)
            blocks.Add(new TextBlock([$"{N(beyond.Count - others.Count)} {t["neighbours.others.rest"]}"], Small: true));
        return new(t["neighbours"], blocks);
    }

    private ReportSection Money(ProjectAssessment a)
    {
        var blocks = new List<ReportBlock>();
        var bonus = new List<ReportFact> { new(t["ve-bonus.households"], N(a.VeBonusHouseholds)) };
        if (a.VeBonus is { } b)
        {
            bonus.Add(new(t["ve-bonus.per-household"], N(Math.Round(b.PerHouseholdDkk, 2))));
            bonus.Add(new(t["ve-bonus.total"], N(Math.Round(b.TotalDkk, 2))));
            bonus.Add(new(t["ve-bonus.cap"], $"{N(b.Cap.CapKw)} kW ({t[b.Cap.Applied ? "ve-bonus.cap.applied" : "ve-bonus.cap.not-applied"]})"));
        }
        bonus.Add(new(t["why"], t.Render(a.VeBonusWhy)));
        blocks.Add(new TextBlock([t["ve-bonus"]]));
        blocks.Add(new FactsBlock(bonus));
        blocks.Add(new TextBlock([t["green-pool"]]));
        blocks.Add(new TableBlock([new(t["municipality"], 2), new(t["mw"], 0.8, true), new(t["dkk"], 1.2, true), new(t["why"], 4)],
            [.. a.GreenPool.Select(g => (IReadOnlyList<string>)[$"{g.Code} {t.Render(g.NameReason)}", N(g.Mw, "#,0.###"), N(Math.Round(g.Dkk, 2)), t.Render(g.Why)])],
            $"{t["green-pool.total"]}: {N(Math.Round(a.GreenPoolDkk, 2))}"));
        if (a.OtherPeriods.Count > 0)
        {
            blocks.Add(new TextBlock([t["other-periods"]]));
            blocks.Add(new TableBlock(
                [new(t["permit-date"], 1.2), new(t["sales-option.households"], 1.4, true), new(t["ve-bonus.households"], 1.4, true), new(t["ve-bonus.per-household"], 1.4, true),
                 new(t["ve-bonus.total"], 1.4, true), new(t["green-pool.total"], 1.4, true)],
                [.. a.OtherPeriods.Select(o => (IReadOnlyList<string>)[o.PermitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(o.SalesOptionHouseholds),
                    N(o.VeBonusHouseholds), N(Math.Round(o.VeBonusPerHouseholdDkk, 2)), N(Math.Round(o.VeBonusTotalDkk, 2)), N(Math.Round(o.GreenPoolDkk, 2))])]));
        }
        return new(t["money"], blocks);
    }

    private ReportSection Noise(Core.Noise.ProjectNoise noise)
    {
        var facts = new List<ReportFact>
        {
            new(t["noise.rule-set"], noise.Rules.Ref?.ToString() ?? "–"),
            new(t["summary"], t.Render(noise.Summary.Why)),
        };
        if (noise.Summary.Worst is { } worst)
            facts.Add(new(t["noise.worst"], $"{worst.Address.Label}: {N(worst.Noise.Level8, "0.0")} dB(A) (8 m/s), {N(worst.Noise.Level6, "0.0")} dB(A) (6 m/s); "
                + string.Join("; ", worst.Noise.Reasons.Select(t.Render))));
        var paragraphs = noise.Reasons.Select(t.Render)
            .Concat(noise.ProjectTurbines.Concat(noise.ExistingTurbines).Where(x => x.Why is not null).Select(x => t.Render(x.Why!))).Distinct().ToList();
        return new(t["noise"], paragraphs.Count > 0 ? [new FactsBlock(facts), new TextBlock(paragraphs, Small: true)] : [new FactsBlock(facts)]);
    }

    private ReportSection Flicker(ShadowFlickerPart flicker)
    {
        var facts = new List<ReportFact>
        {
            new(t["summary"], t.Render(flicker.Summary)),
            new(t["flicker.year"], flicker.Year.ToString(CultureInfo.InvariantCulture)),
            new(t["flicker.limit"], N(flicker.LimitHours)),
            new(t["flicker.over"], N(flicker.DwellingsOverLimit)),
        };
        if (flicker.Worst is { } worst)
            facts.Add(new(t["flicker.worst-dwelling"], $"{worst.Home.Label}: {t.Render(worst.Why)}"));
        var notAssessed = flicker.NotAssessed.Select(t.Render).ToList();
        return new(t["flicker"], notAssessed.Count > 0 ? [new FactsBlock(facts), new TextBlock(notAssessed, Small: true)] : [new FactsBlock(facts)]);
    }

    private ReportSection Rules(ProjectAssessment a, ShadowFlickerPart flicker)
    {
        var provenances = new[] { a.Provenance, flicker.Provenance }.Concat(a.Noise is { } n ? [n.Provenance] : []).ToList();
        var statuses = new List<ReportFact>
        {
            new(t["element.findings"], t["status.law"]),
            new(t["element.rings"], t["status.law"]),
            new(t["element.greenPool"], t["status.law"]),
            new(t["element.veBonus"], t["status.estimate"]),
            new(t["element.production"], t["status.estimate"]),
            new(t["element.prices"], t["status.estimate"]),
            new(t["element.tariffZones"], t["status.proposal"]),
        };
        if (a.Noise is { } noise)
            statuses.Add(new(t["element.noise"], t[noise.Estimated ? "status.estimate" : "status.law"]));
        statuses.Add(new(t["element.flicker"], t["status.estimate"]));
        var blocks = new List<ReportBlock> { new TextBlock([t["statuses"]]), new FactsBlock(statuses) };
        void List(string heading, IEnumerable<string> items)
        {
            var list = items.Distinct().ToList();
            blocks.Add(new TextBlock([t[heading]]));
            blocks.Add(new TextBlock(list.Count > 0 ? list : [t["none"]], Small: true));
        }
        List("rule-sets", provenances.SelectMany(p => p.RuleSets).Select(r => r.ToString()));
        List("unconfirmed", provenances.SelectMany(p => p.Unconfirmed).Select(u => t.Render(u.Why)));
        List("reported", provenances.SelectMany(p => p.Reported).Select(u => t.Render(u.Why)));
        List("assumptions", provenances.SelectMany(p => p.AssumptionReasons).Select(t.Render));
        List("address-coverage", a.AddressCoverage.Select(c => (c.StatementReason ?? c.SourceReason) is { } why ? t.Render(why) : $"{c.Municipality.Code} {c.Municipality.Name}: {N(c.Addresses)}"));
        if (a.HouseholdBasis is { } basis)
            List("household-basis", [t.Render(basis.Because)]);
        List("sources", a.Attributions);
        blocks.Add(new FactsBlock([new(t["data-version"], a.DataVersion)]));
        if (t["explanations-language"].Length > 0)
            blocks.Add(new TextBlock([t["explanations-language"]], Small: true));
        return new(t["rules"], blocks);
    }
}
