using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Noise;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

/// <summary>
/// The noise at <see cref="ParkData"/>'s dwellings from a planned turbine (L_WA 104.0/102.0 dB(A), stated spectrum, hub 100 m, 500 m
/// north of h1) together with parks P and Q in operation (sound power estimated from their rotor diameters with the shipped
/// noise-estimates rule set). Expected figures from the independent script park_noise.py. Runs on both stores.
/// </summary>
public abstract class ProjectNoiseCases
{
    private static readonly RuleLibrary Library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));

    protected abstract ISpatialStore Store { get; }

    private static Plant Planned() => PlannedPlants.Turbine("planned-1", 601_500, 6_201_200, 100, 110, 4200) with
    {
        Acoustics = new TurbineAcoustics(102.0, 104.0, [86.0, 93.0, 97.0, 98.5, 98.0, 95.0, 89.0, 80.0], null, AcousticsBasis.Layout),
    };

    private async Task<ProjectNoise> AssessAsync() =>
        (await new ProjectNoiseAssessor(new AssessmentContext(Store, Library.Rules, Library.PriceStack(2026), [], new DateOnly(2026, 12, 5)))
            .AssessAsync([Planned()], CancellationToken.None))!;

    [Fact]
    public async Task Planned_and_existing_turbines_sum_at_each_dwelling_the_project_reaches()
    {
        var noise = await AssessAsync();

        // park_noise.py: h1 45.7 / 44.2 dB(A) (8 / 6 m/s) from 11 turbines, the project's part 38.8 / 36.8; h2 45.5 / 43.8, project 38.8 / 36.8.
        // The ring c0…c29 lies beyond the planned turbine's cut-off (about 2.0 km; it is 4.2 km away).
        Assert.Equal(["h1", "h2"], noise.Dwellings.Select(d => d.Address.Id));
        var h1 = noise.Dwellings[0].Noise;
        Assert.Equal((45.7, 44.2, 38.8, 36.8, 11), (h1.Level8, h1.Level6, h1.PlannedLevel8!.Value, h1.PlannedLevel6!.Value, h1.Turbines));
        var h2 = noise.Dwellings[1].Noise;
        Assert.Equal((45.5, 43.8, 38.8, 36.8, 11), (h2.Level8, h2.Level6, h2.PlannedLevel8!.Value, h2.PlannedLevel6!.Value, h2.Turbines));
        // Open country (no noise-sensitive areas loaded): 44 / 42 dB(A); both dwellings are over at both wind speeds.
        Assert.Equal((2, 2, 2), (noise.Summary.Over8, noise.Summary.Over6, noise.Summary.Dwellings));
        Assert.False(noise.Summary.Complies);
        Assert.Equal("h1", noise.Summary.Worst?.Address.Id);
        Assert.True(noise.Estimated);
        Assert.Equal(10, noise.ExistingTurbines.Count(t => t.Source?.Acoustics.IsEstimate == true));
        Assert.Contains(noise.Reasons, r => r.Code == "noise.area-open-country-default");
        Assert.Contains(noise.Provenance.Unconfirmed, u => u.Key == "lwaByRotorDiameterIntercept8ms");
    }
}

public sealed class EmbeddedProjectNoiseTests : ProjectNoiseCases
{
    private static readonly EmbeddedSpatialStore Embedded = new(ParkData.Create());

    protected override ISpatialStore Store => Embedded;
}

public sealed class PostGisProjectNoiseTests(ParkDataOnPostGis data) : ProjectNoiseCases, IClassFixture<ParkDataOnPostGis>
{
    protected override ISpatialStore Store => data.Store;
}
