using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Noise;
using VeSiting.Core.Spatial;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.RealData;

namespace VeSiting.Data.Tests.Noise;

/// <summary>
/// The January 2022 register matched with a small acoustics file of EXAMPLE values (not data sheets) for models the register holds:
/// Samsø's eleven BONUS "1000 kW" and the Vestas "V117-3.6 MW" (Thisted and elsewhere). Counts from Independent/acoustics_match.py
/// (the same normalisation written in Python over the raw XML): BONUS 1000 kW 11 existing turbines, all in Samsø; V117-3.6 MW 65
/// (8 in Thisted).
/// </summary>
[Collection(RealDataCollection.Name)]
public sealed class RealAcousticsMatchTests(RealDataSet real)
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "Noise", "Fixtures", "samsoe-thisted-acoustics-EXAMPLE.csv");

    private IReadOnlyList<Plant> Matched() =>
        TurbineAcousticsMatch.Apply(real.Data.Plants, new TurbineAcousticsReader(AcousticsRange.From(RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata")).Rules, new DateOnly(2026, 12, 5))).Read(Example, "turbine-acoustics").Records).Plants;

    [Fact]
    public void Samsoe_and_Thisted_turbines_match_the_example_file_by_manufacturer_and_model()
    {
        var existing = Matched().Where(p => p.Status == PlantStatus.Operating && p.Origin.SourceId == "ens-wind-register" && p.Acoustics is not null).ToList();

        var bonus = existing.Where(p => p.Acoustics!.Source!.Contains("1000 kW", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, bonus.Count);
        Assert.All(bonus, p => Assert.Equal(741, p.MunicipalityCode));
        var v117 = existing.Where(p => p.Acoustics!.Source!.Contains("V117", StringComparison.Ordinal)).ToList();
        Assert.Equal(65, v117.Count);
        Assert.Equal(8, v117.Count(p => p.MunicipalityCode == 787));
    }

    [Fact]
    public async Task A_Samsoe_home_near_the_old_turbines_hears_them_with_the_measured_label()
    {
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var store = new EmbeddedSpatialStore(real.Data with { Plants = Matched() });
        var context = new AssessmentContext(store, library.Rules, library.PriceStack(2026), [], new DateOnly(2026, 12, 5));
        var turbine = store.Data.Plants.First(p => p.MunicipalityCode == 741 && p.Acoustics?.Basis == AcousticsBasis.DataSheet);
        var centre = turbine.Geometry.Centroid;

        // 400 m east of one of them (hub 50 m).
        var home = (await new OperatingNoiseAssessor(context).ForHomeAsync("near", "near", GeometryTransforms.Utm32Point(centre.X + 400, centre.Y)))!;

        Assert.Contains(home.Contributions, c => c.Plant.Id == turbine.Id && c.Label.StartsWith("measured (turbine-acoustics samsoe-thisted-acoustics-EXAMPLE.csv row 2", StringComparison.Ordinal));
        Assert.All(home.Contributions.Where(c => c.Plant.MunicipalityCode == 741 && c.Plant.Model == "1000 kW"), c => Assert.False(c.Acoustics.IsEstimate));
        Assert.Contains(home.Noise.Reasons, r => r.Code is "noise.within-limits" or "noise.over-limit");
    }
}
