using VeSiting.Core.Assessments;
using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

/// <summary>
/// Two one-turbine layouts compared on <see cref="ParkData"/>'s ring of 30 homes (radius 1,000 m around <see cref="ParkData.CapCentre"/>,
/// one every 12°, one household each), every count and amount derived by hand; on both stores.
/// Both turbines: hub 100 m, rotor 100 m, H = 150 m (4 × H = 600 m, 6 × H = 900 m, 8 × H = 1,200 m), 2,500 kW, permit 2022-06-01
/// (k = 6.5 kW, cap 1.5 %, grøn pulje 125,000 DKK/MW onshore), in municipality 0147 (E &gt; 600,000).
/// Layout A stands at the centre: every home is 1,000 m = 6.67 × H away, so 0 within 4 and 6 × H, 30 within 8 × H.
/// Layout B stands 500 m east of the centre: a home at angle θ is √(1,250,000 − 1,000,000 cos θ) m away —
/// θ = 0°: 500.0, ±12°: 521.4, ±24°: 580.0 (&lt; 600: five homes inside 4 × H), ±36°: 672.6, ±48°: 772.1, ±60°: 866.0 (≤ 900: eleven within
/// 6 × H), ±72°: 970.3, ±84°: 1,066.5, ±96°: 1,163.8 (≤ 1,200: seventeen within 8 × H), ±108°: 1,248.6 (beyond).
/// </summary>
public abstract class LayoutComparisonCases
{
    private static readonly RuleLibrary Library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
    private static readonly DateOnly Permit = new(2022, 6, 1);

    protected abstract ISpatialStore Store { get; }

    private async Task<LayoutComparison> CompareAsync()
    {
        var context = new AssessmentContext(Store, Library.Rules, Library.PriceStack(2026), [], new DateOnly(2026, 12, 1));
        var (e, n) = ParkData.CapCentre;
        var a = await new ProjectAssessor(context).AssessAsync(new Project("centre", [PlannedPlants.Turbine("a1", e, n, 100, 100, 2500)], Permit));
        var b = await new ProjectAssessor(context).AssessAsync(new Project("east", [PlannedPlants.Turbine("b1", e + 500, n, 100, 100, 2500)], Permit));
        return new LayoutComparer(Library.Rules).Compare([new ComparedLayout("A", "centre", a, null), new ComparedLayout("B", "east", b, null)]);
    }

    [Fact]
    public async Task Dwellings_in_each_ring_are_counted_per_layout_and_the_fewer_is_best()
    {
        var c = await CompareAsync();

        Assert.Equal([0.0, 5.0], c.Row("dwellings-within-4h").Values);
        Assert.Equal([0], c.Row("dwellings-within-4h").Best);
        Assert.Equal([0.0, 11.0], c.Row("dwellings-within-6h").Values);
        Assert.Equal([30.0, 17.0], c.Row("dwellings-within-8h").Values);
        Assert.Equal([1], c.Row("dwellings-within-8h").Best);
        Assert.Equal([0.0, 5.0], c.Row("dwellings-below-minimum-distance").Values);
        // Sales option: 4–6 × H, the 11 within 6 × H less the 5 inside 4 × H.
        Assert.Equal([0.0, 6.0], c.Row("sales-option-households").Values);
        // Loss of value without a fee: within 6 × H.
        Assert.Equal([0.0, 11.0], c.Row("loss-of-value-claims-without-fee").Values);
        Assert.Equal(Better.Lower, c.Row("dwellings-within-4h").Better);
        Assert.Equal(AnswerStatus.Law, c.Row("dwellings-within-4h").Status);

        var why = Assert.Single(c.Row("dwellings-within-4h").Differences);
        Assert.Equal("compare.fewer", why.Code);
        Assert.Equal("Layout A has 5 fewer dwellings within 4 × H than layout B (0 against 5)", why.Text);
        // 30 − 17 = 13 fewer within 8 × H, in Danish.
        Assert.Equal("Opstilling B har 13 færre boliger inden for 8 × totalhøjden end opstilling A (17 mod 30)",
            c.Row("dwellings-within-8h").Differences[0].Render(Core.Explanations.MessageCatalogue.Danish));
    }

    [Fact]
    public async Task VE_bonus_money_and_green_pool_follow_the_cap_and_the_MW()
    {
        var c = await CompareAsync();
        var hours = Library.Rules.Require(Schemes.Estimates, Permit)["fullLoadHoursOnshoreWind"].Value;
        var spot = Library.PriceStack(2026).SpotDkkPerKwh;

        Assert.Equal([30.0, 17.0], c.Row("ve-bonus-households").Values);
        // Cap 1.5 % × 2,500 kW = 37.5 kW < 30 × 6.5 (A) and 17 × 6.5 (B): k = 37.5 / 30 = 1.25 kW (A), 37.5 / 17 kW (B);
        // per household k / 2,500 kW × (2,500 kW × full-load hours) × spot = k × hours × spot; the total 37.5 × hours × spot in both.
        Assert.Equal([Math.Round(1.25 * hours * spot), Math.Round(37.5 / 17 * hours * spot)], c.Row("ve-bonus-dkk-per-household").Values);
        Assert.Equal([1], c.Row("ve-bonus-dkk-per-household").Best);
        Assert.Equal(Math.Round(37.5 * hours * spot), c.Row("ve-bonus-dkk-total").Values[0]);
        Assert.Equal(Better.Neither, c.Row("ve-bonus-dkk-total").Better);
        Assert.Empty(c.Row("ve-bonus-dkk-total").Best);
        // Production 2,500 kW × hours, in MWh; the same in both, so no best and one "same" reason.
        Assert.Equal([2.5 * hours, 2.5 * hours], c.Row("production-mwh-per-year").Values);
        Assert.Equal(AnswerStatus.Estimate, c.Row("production-mwh-per-year").Status);
        // Grøn pulje: 2.5 MW × 125,000 DKK/MW = 312,500 DKK to 0147 in each.
        Assert.Equal([312_500.0, 312_500.0], c.Row("green-pool-dkk-0147").Values);
        Assert.Empty(c.Row("green-pool-dkk-0147").Best);
        Assert.Equal("compare.same", Assert.Single(c.Row("green-pool-dkk-0147").Differences).Code);
        Assert.Equal([1.0, 1.0], c.Row("turbines").Values);
        Assert.Null(c.Row("turbines").Status);
    }

    [Fact]
    public async Task A_layout_without_its_flicker_part_says_it_is_not_assessed()
    {
        var c = await CompareAsync();

        var row = c.Row("flicker-worst-dwelling-hours-per-year");
        Assert.Equal([null, null], row.Values);
        Assert.Equal(["compare.not-assessed", "compare.not-assessed"], row.Differences.Select(d => d.Code));
    }

    [Fact]
    public async Task Low_frequency_noise_that_cannot_be_assessed_is_not_counted_as_none_over_the_limit()
    {
        var c = await CompareAsync();

        // Neither planned turbine has a 1/3-octave spectrum 10–160 Hz (no turbine-acoustics file), so low frequency cannot be
        // assessed at any home within reach: the count over its limit is no value with the reason, never 0 "the same for every layout".
        var over = c.Row("dwellings-over-low-frequency-limit");
        Assert.Equal([null, null], over.Values);
        Assert.Empty(over.Best);
        Assert.Equal(["compare.not-assessed", "compare.not-assessed"], over.Differences.Select(d => d.Code));
        Assert.DoesNotContain(over.Differences, d => d.Code == "compare.same");
        // The homes where it cannot be assessed, per layout: each answer's own count, and in its row of its own.
        var unknown = c.Row("dwellings-low-frequency-not-assessable");
        Assert.Equal(c.Layouts.Select(l => (double?)l.Assessment.Noise!.Summary.LowFrequencyNotAssessable), unknown.Values);
        Assert.All(unknown.Values, v => Assert.True(v > 0));
        Assert.Equal(Better.Lower, unknown.Better);
        Assert.Contains($"low-frequency noise cannot be assessed at {unknown.Values[0]} dwelling(s)", over.Differences[0].Text, StringComparison.Ordinal);
    }
}

public sealed class EmbeddedLayoutComparisonTests : LayoutComparisonCases
{
    private static readonly EmbeddedSpatialStore Embedded = new(ParkData.Create());

    protected override ISpatialStore Store => Embedded;
}

public sealed class PostGisLayoutComparisonTests(ParkDataOnPostGis data) : LayoutComparisonCases, IClassFixture<ParkDataOnPostGis>
{
    protected override ISpatialStore Store => data.Store;
}
