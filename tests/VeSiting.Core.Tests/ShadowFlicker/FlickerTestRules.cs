using VeSiting.Core.Rules;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Tests.Rules;

namespace VeSiting.Core.Tests.ShadowFlicker;

/// <summary>The shadow-flicker conventions written out in the test (as flicker_reference.py uses them), independent of geodata/rules.</summary>
internal static class FlickerTestRules
{
    public static RuleSet Set() => TestRules.Set(Schemes.ShadowFlicker, "2009-01-01", null,
    [
        ("maxExpectedHoursPerYear", 10, "h"), ("minimumSunElevation", 3, "deg"), ("sunDiscCoverageShare", 0.2, "share"),
        ("sunAngularDiameter", 0.533, "deg"), ("meanBladeWidthShareOfRotorDiameter", 0.02, "share"), ("receptorHeight", 1, "m"),
        .. ShadowFlickerConventions.MonthKeys.Zip(new double[] { 43, 69, 110, 162, 209, 209, 196, 186, 128, 87, 54, 43 }, (m, h) => ("sunshineHours" + m, h, "h")),
        .. ShadowFlickerConventions.SectorCentres.Select(s => ($"operatingShareFrom{s:000}", 0.85 / 12, "share")),
    ]);

    public static ShadowFlickerConventions Conventions() => ShadowFlickerConventions.From(Set(), new Provenance());
}
