namespace VeSiting.Core.Assessments.Comparison;

/// <summary>
/// Puts two to five layouts' project answers side by side (<see cref="LayoutComparison"/>): turbines, MW and estimated
/// production; dwellings within each scheme ring, closer than the minimum distance, with the sales option; VE-bonus households
/// and DKK; the green pool per municipality; dwellings that may claim loss of value without a fee; the worst dwelling's noise
/// and flicker and the dwellings over each limit. Nothing is assessed again: every figure is read from the answers, except the
/// production a year, which an answer carries only when someone gets the VE-bonus: it is estimated for every plant of the
/// layout with the rule the VE-bonus uses (<see cref="ProductionEstimate"/>, the estimates rule set of the layout's permit date).
/// </summary>
public sealed class LayoutComparer(RuleBook rules)
{
    public const int MinLayouts = 2;
    public const int MaxLayouts = 5;

    /// <summary>How one row is read from a layout, and how it is judged and written.</summary>
    private sealed record Measure(string Id, Reason What, string Unit, AnswerStatus? Status, Better Better, int Decimals, string? UnitCode,
        Func<ComparedLayout, double?> Read, Func<ComparedLayout, Reason?>? WhyMissing = null);

    public LayoutComparison Compare(IReadOnlyList<ComparedLayout> layouts)
    {
        if (layouts.Count is < MinLayouts or > MaxLayouts)
            throw new ArgumentException($"{layouts.Count} layouts; a comparison takes {MinLayouts} to {MaxLayouts}", nameof(layouts));
        var provenance = new Provenance();
        var rows = MeasuresOf(layouts, provenance).Select(m => RowOf(m, layouts)).ToList();
        return new LayoutComparison(layouts, rows, provenance);
    }

    private IEnumerable<Measure> MeasuresOf(IReadOnlyList<ComparedLayout> layouts, Provenance provenance)
    {
        static int Count(ComparedLayout l, PlantKind kind) => l.Assessment.Project.Plants.Count(p => p.Kind == kind);
        yield return new("turbines", Reason.Of("compare.measure.turbines"), "turbines", null, Better.Neither, 0, null, l => Count(l, PlantKind.WindTurbine));
        if (layouts.Any(l => Count(l, PlantKind.SolarPark) > 0))
            yield return new("solar-areas", Reason.Of("compare.measure.solar-areas"), "solar areas", null, Better.Neither, 0, null, l => Count(l, PlantKind.SolarPark));
        yield return new("capacity-mw", Reason.Of("compare.measure.capacity"), "MW", null, Better.Higher, 3, "compare.unit.mw", l => l.Assessment.TotalCapacityKw / 1000);
        yield return new("production-mwh-per-year", Reason.Of("compare.measure.production"), "MWh/yr", AnswerStatus.Estimate, Better.Higher, 0, "compare.unit.mwh",
            l => ProductionKwh(l.Assessment, provenance) / 1000);

        var ks = layouts.SelectMany(l => l.Assessment.Rings.Select(r => r.K)).Distinct().Order().ToList();
        foreach (var k in ks)
        {
            yield return new($"dwellings-within-{F(k)}h", Reason.Of("compare.measure.within-h", ("k", k)), "dwellings", AnswerStatus.Law, Better.Lower, 0, null,
                l => l.Assessment.Dwellings.Count(d => d.NearestPlant.Kind == PlantKind.WindTurbine && d.MultipleOfH <= k));
        }
        if (layouts.Max(l => l.Assessment.SolarRadiusM) is { } solar)
        {
            yield return new($"dwellings-within-{F(solar)}m-of-solar", Reason.Of("compare.measure.within-solar", ("m", solar)), "dwellings", AnswerStatus.Law, Better.Lower, 0, null,
                l => l.Assessment.Dwellings.Count(d => d.NearestPlant.Kind == PlantKind.SolarPark && d.DistanceM <= solar));
        }
        yield return new("dwellings-below-minimum-distance", Reason.Of("compare.measure.below-minimum"), "dwellings", AnswerStatus.Law, Better.Lower, 0, null,
            l => l.Assessment.Violations.Count());
        yield return new("sales-option-households", Reason.Of("compare.measure.sales-option"), "households", AnswerStatus.Law, Better.Lower, 0, null,
            l => l.Assessment.SalesOptionHouseholds);
        yield return new("ve-bonus-households", Reason.Of("compare.measure.ve-bonus-households"), "households", AnswerStatus.Law, Better.Lower, 0, null,
            l => l.Assessment.VeBonusHouseholds);
        yield return new("ve-bonus-dkk-per-household", Reason.Of("compare.measure.ve-bonus-per-household"), "DKK/yr", AnswerStatus.Estimate, Better.Higher, 0, "compare.unit.dkk",
            l => l.Assessment.VeBonus?.PerHouseholdDkk ?? 0);
        yield return new("ve-bonus-dkk-total", Reason.Of("compare.measure.ve-bonus-total"), "DKK/yr", AnswerStatus.Estimate, Better.Neither, 0, "compare.unit.dkk",
            l => l.Assessment.VeBonus?.TotalDkk ?? 0);

        var municipalities = layouts.SelectMany(l => l.Assessment.GreenPool).Where(g => g.Dkk > 0 || g.Mw > 0).Where(g => !g.Code.StartsWith('('))
            .GroupBy(g => g.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First());
        foreach (var m in municipalities)
        {
            yield return new($"green-pool-dkk-{m.Code}", Reason.Of("compare.measure.green-pool", ("municipality", $"{m.Code} {m.Name}")), "DKK", AnswerStatus.Law, Better.Higher, 0,
                "compare.unit.dkk", l => l.Assessment.GreenPool.Where(g => g.Code == m.Code).Sum(g => g.Dkk));
        }
        yield return new("green-pool-dkk-total", Reason.Of("compare.measure.green-pool-total"), "DKK", AnswerStatus.Law, Better.Higher, 0, "compare.unit.dkk",
            l => l.Assessment.GreenPoolDkk);
        yield return new("loss-of-value-claims-without-fee", Reason.Of("compare.measure.loss-of-value-without-fee"), "dwellings", AnswerStatus.Law, Better.Lower, 0, null,
            l => l.Assessment.Dwellings.Count(d => d.Findings.Any(f => f is { Scheme: Schemes.LossOfValue, Applies: true, AmountDkk: 0 })));

        static AnswerStatus NoiseStatus(IReadOnlyList<ComparedLayout> all) => all.Any(l => l.Assessment.Noise?.Estimated == true) ? AnswerStatus.Estimate : AnswerStatus.Law;
        Reason? NoNoise(ComparedLayout l) => l.Assessment.Noise is null ? Reason.Of("compare.no-wind-turbine") : null;
        var noiseStatus = NoiseStatus(layouts);
        yield return new("noise-worst-dwelling-8ms-dba", Reason.Of("compare.measure.noise-worst-8"), "dB(A)", noiseStatus, Better.Lower, 1, "compare.unit.dba",
            l => l.Assessment.Noise is { } n ? n.Summary.Worst?.Noise.Level8 ?? double.NaN : null, NoNoise);
        yield return new("noise-worst-dwelling-6ms-dba", Reason.Of("compare.measure.noise-worst-6"), "dB(A)", noiseStatus, Better.Lower, 1, "compare.unit.dba",
            l => l.Assessment.Noise is { } n ? n.Summary.Worst?.Noise.Level6 ?? double.NaN : null, NoNoise);
        yield return new("dwellings-over-noise-limit-8ms", Reason.Of("compare.measure.noise-over-8"), "dwellings", noiseStatus, Better.Lower, 0, null,
            l => l.Assessment.Noise?.Summary.Over8, NoNoise);
        yield return new("dwellings-over-noise-limit-6ms", Reason.Of("compare.measure.noise-over-6"), "dwellings", noiseStatus, Better.Lower, 0, null,
            l => l.Assessment.Noise?.Summary.Over6, NoNoise);
        // Where low frequency cannot be assessed at some dwelling (a turbine within reach without a 1/3-octave spectrum), the count
        // over its limit says nothing there: no value, with the reason, and the dwellings not assessable in a row of their own.
        static Reason? LowFrequencyUnknown(ComparedLayout l) => l.Assessment.Noise is { Summary.LowFrequencyNotAssessable: > 0 and var n }
            ? Reason.Of("compare.low-frequency-not-assessable", ("dwellings", n)) : null;
        yield return new("dwellings-over-low-frequency-limit", Reason.Of("compare.measure.noise-over-low-frequency"), "dwellings", noiseStatus, Better.Lower, 0, null,
            l => LowFrequencyUnknown(l) is null ? l.Assessment.Noise?.Summary.OverLowFrequency : null, l => NoNoise(l) ?? LowFrequencyUnknown(l));
        yield return new("dwellings-low-frequency-not-assessable", Reason.Of("compare.measure.noise-low-frequency-not-assessable"), "dwellings", noiseStatus, Better.Lower, 0, null,
            l => l.Assessment.Noise?.Summary.LowFrequencyNotAssessable, NoNoise);

        static Reason? NoFlicker(ComparedLayout l) => l.Flicker is null ? Reason.Of("compare.no-flicker") : null;
        yield return new("flicker-worst-dwelling-hours-per-year", Reason.Of("compare.measure.flicker-worst"), "h/yr", AnswerStatus.Estimate, Better.Lower, 2, "compare.unit.hours",
            l => l.Flicker is { } f ? f.Worst?.Flicker.ExpectedHours ?? 0 : null, NoFlicker);
        if (layouts.Select(l => l.Flicker?.LimitHours).OfType<double>().Distinct().ToList() is [var limit])
        {
            yield return new("dwellings-over-flicker-recommendation", Reason.Of("compare.measure.flicker-over", ("limit", limit)), "dwellings", AnswerStatus.Estimate, Better.Lower, 0, null,
                l => l.Flicker?.DwellingsOverLimit, NoFlicker);
        }
    }

    /// <summary>The layout's production a year: the sum of each plant's estimate (null when no estimates rule set covers the permit date).</summary>
    private double? ProductionKwh(ProjectAssessment a, Provenance provenance)
    {
        if (a.Permit.Date is not { } date || rules.Find(Schemes.Estimates, date) is not { } estimates)
            return null;
        return a.Project.Plants.Sum(p => ProductionEstimate.AnnualKwh(p, estimates, provenance).Kwh);
    }

    private static ComparisonRow RowOf(Measure m, IReadOnlyList<ComparedLayout> layouts)
    {
        // NaN: assessed, but no dwelling within reach: no worst dwelling, shown as no value.
        var values = layouts.Select(l => m.Read(l) is { } v && double.IsFinite(v) ? Math.Round(v, m.Decimals, MidpointRounding.AwayFromZero) : (double?)null).ToList();
        var differences = new List<Reason>();
        for (var i = 0; i < layouts.Count; i++)
        {
            if (values[i] is null && m.WhyMissing?.Invoke(layouts[i]) is { } why)
                differences.Add(Reason.Of("compare.not-assessed", ("layout", layouts[i].Key), ("measure", m.What), ("why", why)));
        }
        var known = values.Select((v, i) => (Value: v, Index: i)).Where(x => x.Value is not null).Select(x => (Value: x.Value!.Value, x.Index)).ToList();
        if (m.Better == Better.Neither || known.Count < 2)
            return new ComparisonRow(m.Id, m.What, m.Unit, m.Status, m.Better, values, [], differences);
        if (known.All(x => x.Value == known[0].Value))
        {
            differences.Add(Reason.Of("compare.same", ("measure", m.What), ("value", known[0].Value)));
            return new ComparisonRow(m.Id, m.What, m.Unit, m.Status, m.Better, values, [], differences);
        }
        var bestValue = m.Better == Better.Lower ? known.Min(x => x.Value) : known.Max(x => x.Value);
        var best = known.Where(x => x.Value == bestValue).Select(x => x.Index).ToList();
        var leader = layouts[best[0]].Key;
        foreach (var (value, index) in known.Where(x => x.Value != bestValue))
        {
            var difference = Math.Round(Math.Abs(value - bestValue), m.Decimals, MidpointRounding.AwayFromZero);
            differences.Add(m.UnitCode is null
                ? Reason.Of(m.Better == Better.Lower ? "compare.fewer" : "compare.more", ("better", leader), ("difference", difference), ("measure", m.What),
                    ("worse", layouts[index].Key), ("betterValue", bestValue), ("worseValue", value))
                : Reason.Of(m.Better == Better.Lower ? "compare.lower" : "compare.higher", ("better", leader), ("measure", m.What), ("difference", difference),
                    ("unit", Reason.Of(m.UnitCode)), ("worse", layouts[index].Key), ("betterValue", bestValue), ("worseValue", value)));
        }
        return new ComparisonRow(m.Id, m.What, m.Unit, m.Status, m.Better, values, best, differences);
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
