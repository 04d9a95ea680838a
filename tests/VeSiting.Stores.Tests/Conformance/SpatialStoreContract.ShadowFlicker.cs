using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Spatial;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Stores.Tests.Conformance;

public abstract partial class SpatialStoreContract
{
    [Fact]
    public async Task Shadow_flicker_of_a_planned_turbine_reaches_the_same_dwellings_through_every_store()
    {
        // Journey 1's turbine (E 638500, N 6150500; hub 95 m, rotor 110 m): the maximum distance is 10.7497 × 110 = 1,182.5 m.
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var context = new AssessmentContext(Real, library.Rules, library.PriceStack(2026), [], new DateOnly(2026, 11, 26));
        var turbine = PlannedPlants.Turbine("T1", 638500, 6150500, 95, 110, 4200);
        var part = await new ShadowFlickerAssessor(context).ForPlantsAsync([turbine], 2025);

        var expected = RealData.Addresses.Where(a => a.Position.Distance(GeometryTransforms.Utm32Point(638500, 6150500)) <= 1182.5 * (1 + 1e-9)).Select(a => a.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), part.Dwellings.Select(d => d.Home.Id).Order(StringComparer.Ordinal));
        // flicker_reference.py point 639567.62 6150034.92 638500 6150500 95 110 2025 → 672 minutes, 42 days, 22 min/day, 2.4477 h.
        var worst = part.Worst!;
        Assert.Equal("Drøsselbjergvej 3, 4200 Slagelse", worst.Home.Label);
        Assert.InRange(worst.Flicker.WorstCaseMinutes, 666, 678);
        Assert.Equal(2.4477, worst.Flicker.ExpectedHours, 0.05);
        Assert.Equal(0, part.DwellingsOverLimit);
    }
}
