using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Data.Tests.RealData;

/// <summary>
/// The embedded store on the real data. Expected figures are computed in Python from the raw DAR CSV
/// (hypot of the published etrs89_east/north against the query point) or in PostGIS, not by this code.
/// </summary>
[Collection(RealDataCollection.Name)]
public sealed class RealStoreTests(RealDataSet real)
{
    [Fact]
    public async Task Planned_turbine_west_of_Hong_has_the_expected_neighbours_per_ring()
    {
        // User journey 1: hub 95 m, rotor 110 m → H = 150 m; rings 600 / 900 / 1,200 m.
        var turbine = PlannedPlants.Turbine("kalundborg", 638500, 6150500, 95, 110, 4200, new DateOnly(2026, 6, 1));
        var sites = await real.Store.SitesWithinAsync(turbine.Geometry, NeighbourRadius.MultipleOfTotalHeight(turbine, 8));

        Assert.Equal(42, sites.Addresses.Count);
        Assert.Equal(26, sites.Addresses.Count(a => a.DistanceM <= 900));
        Assert.Equal(0, sites.Addresses.Count(a => a.DistanceM <= 600));
        var nearest = sites.Addresses[0];
        Assert.Equal("Athenesvej 43, 4200 Slagelse", nearest.Address.Label);
        Assert.Equal(661.2016, nearest.DistanceM, 0.001);

        // Buildings against PostGIS (footprints loaded with ST_GeomFromGeoJSON, ST_DWithin / ST_Distance to the point):
        // 70 within 1,200 m, 41 within 900 m, none within 600 m, the nearest 682.6898 m away.
        Assert.Equal(70, sites.Buildings.Count);
        Assert.Equal(41, sites.Buildings.Count(b => b.DistanceM <= 900));
        Assert.Equal(682.6898, sites.Buildings[0].DistanceM, 0.001);
    }

    [Fact]
    public async Task A_point_is_placed_in_its_municipality_region_and_postcode()
    {
        var eliasgade = GeometryTransforms.Utm32Point(727557.90, 6174832.99);
        Assert.Equal("0101", (await real.Store.AreaAtAsync(AdminAreaKind.Municipality, eliasgade))?.Code);
        Assert.Equal("1084", (await real.Store.AreaAtAsync(AdminAreaKind.Region, eliasgade))?.Code);
        Assert.Equal("2300", (await real.Store.AreaAtAsync(AdminAreaKind.PostCode, eliasgade))?.Code);
        Assert.Null(await real.Store.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(400000, 6400000))); // Skagerrak
    }

    [Fact]
    public async Task Address_text_finds_the_address()
    {
        var found = await real.Store.SearchAddressesAsync("Eliasgade 10, 2300", 5);
        Assert.Equal("310b95db-5871-471d-baf2-9e680b9f7df3", found[0].Id);
        Assert.Empty(await real.Store.SearchAddressesAsync("Eliasgade 999", 5));
    }

    [Fact]
    public async Task Nearest_turbine_obeys_height_and_status_filters()
    {
        var point = GeometryTransforms.Utm32Point(727557.90, 6174832.99);
        var filter = new PlantFilter
        {
            Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
            Statuses = new HashSet<PlantStatus> { PlantStatus.Operating },
            MinTotalHeightM = 25,
        };
        var nearest = await real.Store.NearestPlantsAsync(point, filter, 3);

        Assert.Equal(3, nearest.Count);
        Assert.All(nearest, n => Assert.True(n.Plant.TotalHeightM >= 25 && n.Plant.Kind == PlantKind.WindTurbine && n.Plant.Status == PlantStatus.Operating));
        Assert.True(nearest[0].DistanceM <= nearest[1].DistanceM && nearest[1].DistanceM <= nearest[2].DistanceM);
        // The brute-force answer over every plant is the same.
        var brute = real.Data.Plants.Where(filter.Matches).Select(p => p.Geometry.Distance(point)).Order().Take(3).ToList();
        Assert.Equal(brute, nearest.Select(n => n.DistanceM));
    }
}
