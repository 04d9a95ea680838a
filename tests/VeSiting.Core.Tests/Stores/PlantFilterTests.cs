using VeSiting.Core.Domain;
using VeSiting.Core.Stores;

namespace VeSiting.Core.Tests.Stores;

public sealed class PlantFilterTests
{
    private static readonly Plant Turbine = PlannedPlants.Turbine("t", 600000, 6200000, 20, 10) with
    {
        Status = PlantStatus.Operating,
        ConnectedOn = new DateOnly(2015, 6, 1),
        MunicipalityCode = 573,
    };

    [Fact]
    public void Any_matches_everything() => Assert.True(PlantFilter.Any.Matches(Turbine));

    [Fact]
    public void Minimum_height_compares_total_height()
    {
        // H = 20 + 10/2 = 25 m: exactly at the schemes' 25 m threshold.
        Assert.True(new PlantFilter { MinTotalHeightM = 25 }.Matches(Turbine));
        Assert.False(new PlantFilter { MinTotalHeightM = 25.01 }.Matches(Turbine));
        Assert.False(new PlantFilter { MinTotalHeightM = 1 }.Matches(Turbine with { HubHeightM = null }));
    }

    [Fact]
    public void Kind_status_date_and_municipality_narrow_the_set()
    {
        Assert.False(new PlantFilter { Kinds = new HashSet<PlantKind> { PlantKind.SolarPark } }.Matches(Turbine));
        Assert.False(new PlantFilter { Statuses = new HashSet<PlantStatus> { PlantStatus.Decommissioned } }.Matches(Turbine));
        Assert.True(new PlantFilter { ConnectedOnOrBefore = new DateOnly(2015, 6, 1) }.Matches(Turbine));
        Assert.False(new PlantFilter { ConnectedOnOrAfter = new DateOnly(2015, 6, 2) }.Matches(Turbine));
        Assert.False(new PlantFilter { MunicipalityCode = 101 }.Matches(Turbine));
        Assert.False(new PlantFilter { Siting = Siting.Offshore }.Matches(Turbine));
    }
}
