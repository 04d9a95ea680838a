using NetTopologySuite.IO;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Data.Embedded;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Assessments;

/// <summary>A planned solar park on the hand-made data: area distances and a green pool split across a municipal border.</summary>
public sealed class SolarProjectTests
{
    [Fact]
    public async Task A_solar_park_across_a_border_splits_its_green_pool_by_area_and_reaches_200_m()
    {
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var store = new EmbeddedSpatialStore(HandMadeData.Create());
        var context = new AssessmentContext(store, library.Rules, library.PriceStack(2026), [], new DateOnly(2026, 11, 26));
        // 400 m × 100 m from x = 599,900 to 600,300: 100 m in municipality 0101 (x < 600,000), 300 m in 0147.
        var area = GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(
            new WKTReader().Read("POLYGON ((599900 6200150, 600300 6200150, 600300 6200250, 599900 6200250, 599900 6200150))"));
        var park = new Plant
        {
            Id = "sol",
            Kind = PlantKind.SolarPark,
            Status = PlantStatus.Planned,
            Geometry = area,
            CapacityKw = 10_000,
            Siting = Siting.Onshore,
            Origin = new RecordOrigin("test", "test", 1),
        };

        var assessment = await new ProjectAssessor(context).AssessAsync(new Project("sol", [park], new DateOnly(2024, 7, 1)));

        // 10 MW × 125,000 DKK/MW = 1,250,000 DKK, split ¼ / ¾ by area.
        Assert.Equal([("0101", 2.5, 312_500.0), ("0147", 7.5, 937_500.0)],
            assessment.GreenPool.Select(g => (g.Code, Math.Round(g.Mw, 9), Math.Round(g.Dkk, 3))));
        // Address 3 (600100, 6200100) is 50 m south of the park; address 1 (600300, 6200400) is 150 m north of its corner;
        // address 2 (601000, 6200000) is √(700² + 150²) ≈ 716 m away: outside 200 m.
        // Address 1 stands where the operating turbine b stands (0 m, within the data-reading rule set's 10 m): it is that
        // turbine's own address, not a home, so only address 3 is a dwelling and address 1 is listed as b's.
        Assert.Equal([("3", 50.0)], assessment.Dwellings.Select(d => (d.Address.Id, Math.Round(d.DistanceM, 6))));
        Assert.Equal([("1", "b")], assessment.TurbineAddresses.Select(t => (t.Address.Id, t.Turbine.Id)));
        // The ring is named by the schemes whose limit it is (sales option and VE-bonus both reach 200 m from solar).
        Assert.All(assessment.Dwellings, d => Assert.Equal("≤ 200 m: sales option, VE-bonus", d.Ring.Text));
        Assert.Equal(1, assessment.SalesOptionHouseholds); // address 3: one household (no dwelling units in the data)
    }
}
