using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Loading;

namespace VeSiting.Data.Tests.Embedded;

/// <summary>The embedded store on hand-made geometry; every distance is worked out by hand in the comments.</summary>
public sealed class EmbeddedSpatialStoreTests
{
    private static readonly WKTReader Wkt = new(GeometryTransforms.FactoryFor(Epsg.Utm32).GeometryServices);
    private static readonly RecordOrigin Origin = new("test", "test", 1);

    private static Plant Turbine(string id, double e, double n, double hub = 60, double rotor = 80, PlantStatus status = PlantStatus.Operating) =>
        PlannedPlants.Turbine(id, e, n, hub, rotor) with { Status = status, Origin = Origin };

    private static readonly Plant SolarSquare = new()
    {
        Id = "solar-1",
        Kind = PlantKind.SolarPark,
        Status = PlantStatus.Operating,
        // A 200 m × 200 m park from (600000, 6200000) to (600200, 6200200).
        Geometry = Wkt.Read("POLYGON ((600000 6200000, 600200 6200000, 600200 6200200, 600000 6200200, 600000 6200000))"),
        Origin = Origin,
        CapacityKw = 5000,
    };

    private static Address Address(string id, double e, double n) => new()
    {
        Id = id,
        MunicipalityCode = 101,
        StreetName = "Testvej",
        HouseNumber = id,
        PostCode = 2300,
        PostCodeName = "København S",
        Position = GeometryTransforms.Utm32Point(e, n),
        Origin = Origin,
    };

    private static EmbeddedSpatialStore Store(params Plant[] plants) => new(new DataSet
    {
        Plants = plants,
        Addresses = [Address("1", 600300, 6200400), Address("2", 601000, 6200000), Address("3", 600100, 6200100)],
        Buildings =
        [
            new Building { Id = "b1", BuildingType = "Bygning", Origin = Origin, Footprint = Wkt.Read("POLYGON ((600250 6200000, 600260 6200000, 600260 6200010, 600250 6200010, 600250 6200000))") },
        ],
        Municipalities =
        [
            new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0101", Name = "A", Origin = Origin, Geometry = Wkt.Read("POLYGON ((590000 6190000, 600000 6190000, 600000 6210000, 590000 6210000, 590000 6190000))") },
            new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0147", Name = "B", Origin = Origin, Geometry = Wkt.Read("POLYGON ((600000 6190000, 610000 6190000, 610000 6210000, 600000 6210000, 600000 6190000))") },
        ],
        Version = new DataVersion("test", DateTimeOffset.UnixEpoch),
    });

    [Fact]
    public async Task Distance_to_a_solar_park_is_to_its_area_not_its_centre()
    {
        var store = Store(SolarSquare);
        // (600300, 6200100) is 100 m east of the park's east edge; its centre is 200 m away.
        var hit = Assert.Single(await store.NearestPlantsAsync(GeometryTransforms.Utm32Point(600300, 6200100), PlantFilter.Any, 1));
        Assert.Equal(100, hit.DistanceM, 1e-9);
        // Inside the park the distance is zero.
        Assert.Equal(0, (await store.NearestPlantsAsync(GeometryTransforms.Utm32Point(600100, 6200100), PlantFilter.Any, 1))[0].DistanceM);
    }

    [Fact]
    public async Task Nearest_orders_by_distance_then_id_and_respects_the_filter()
    {
        var store = Store(
            Turbine("b", 600300, 6200400),   // 3-4-5: 500 m from (600000, 6200000)
            Turbine("a", 600400, 6199700),   // 3-4-5 the other way: 500 m
            Turbine("c", 600000, 6200100, status: PlantStatus.Decommissioned), // 100 m, but decommissioned
            Turbine("d", 700000, 6300000));  // far away: found by the expanding search
        var origin = GeometryTransforms.Utm32Point(600000, 6200000);

        var nearest = await store.NearestPlantsAsync(origin, PlantFilter.Operating, 3);

        Assert.Equal(["a", "b", "d"], nearest.Select(n => n.Plant.Id));
        Assert.Equal([500, 500, Math.Sqrt(2) * 100_000], nearest.Select(n => n.DistanceM), new ToleranceComparer(1e-6));
        Assert.Equal("c", (await store.NearestPlantsAsync(origin, PlantFilter.Any, 1))[0].Plant.Id);
    }

    [Fact]
    public async Task Nearest_returns_fewer_when_fewer_plants_match()
    {
        var store = Store(Turbine("a", 600000, 6200000));
        Assert.Single(await store.NearestPlantsAsync(GeometryTransforms.Utm32Point(800000, 6300000), PlantFilter.Any, 10));
        Assert.Empty(await store.NearestPlantsAsync(GeometryTransforms.Utm32Point(800000, 6300000), new PlantFilter { MinTotalHeightM = 500 }, 10));
    }

    [Fact]
    public async Task Sites_within_k_times_h_of_a_planned_turbine()
    {
        var store = Store();
        // H = 60 + 80/2 = 100 m; 4 × H = 400 m around (600000, 6200000).
        var turbine = Turbine("planned", 600000, 6200000);
        var sites = await store.SitesWithinAsync(turbine.Geometry, NeighbourRadius.MultipleOfTotalHeight(turbine, 4));

        // Address 3 at (100, 100): √20000 ≈ 141.42 m; address 1 at (300, 400): 500 m (outside); address 2: 1,000 m.
        var address = Assert.Single(sites.Addresses);
        Assert.Equal("3", address.Address.Id);
        Assert.Equal(Math.Sqrt(20_000), address.DistanceM, 1e-9);
        // The building's nearest corner is (600250, 6200000): 250 m.
        Assert.Equal(250, Assert.Single(sites.Buildings).DistanceM, 1e-9);
    }

    [Fact]
    public async Task Sites_within_a_radius_of_a_polygon_count_from_its_edge()
    {
        var sites = await Store().SitesWithinAsync(SolarSquare.Geometry, 200);
        // Address 3 lies inside (0 m); address 1 at (600300, 6200400) is √(100² + 200²) ≈ 223.6 m from the corner: outside.
        Assert.Equal(["3"], sites.Addresses.Select(a => a.Address.Id));
        Assert.Equal(0, sites.Addresses[0].DistanceM);
    }

    [Fact]
    public async Task Point_in_area_includes_the_boundary_and_resolves_shared_edges_by_code()
    {
        var store = Store();
        Assert.Equal("0101", (await store.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(595000, 6200000)))?.Code);
        Assert.Equal("0147", (await store.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(605000, 6200000)))?.Code);
        Assert.Equal("0101", (await store.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(600000, 6200000)))?.Code);
        Assert.Null(await store.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(650000, 6200000)));
        Assert.Null(await store.AreaAtAsync(AdminAreaKind.Region, GeometryTransforms.Utm32Point(595000, 6200000)));
    }

    [Fact]
    public async Task Plants_can_be_found_by_id_and_listed_by_filter()
    {
        var store = Store(Turbine("b", 600000, 6200000), Turbine("a", 600100, 6200000, status: PlantStatus.Decommissioned), SolarSquare);
        Assert.Equal("a", (await store.FindPlantAsync(" a "))?.Id);
        Assert.Null(await store.FindPlantAsync("zzz"));
        Assert.Equal(["b", "solar-1"], (await store.ListPlantsAsync(PlantFilter.Operating)).Select(p => p.Id));
    }

    [Fact]
    public async Task Address_search_needs_every_word_and_ranks_exact_matches_first()
    {
        var store = Store();
        Assert.Equal(["3"], (await store.SearchAddressesAsync("testvej 3", 5)).Select(a => a.Id));
        Assert.Equal(3, (await store.SearchAddressesAsync("TESTV", 5)).Count);
        Assert.Equal(["1"], (await store.SearchAddressesAsync("Testvej 1, 2300 København", 5)).Select(a => a.Id));
        Assert.Empty(await store.SearchAddressesAsync("Testvej 1, 8000", 5));
        Assert.Empty(await store.SearchAddressesAsync("  ,, ", 5));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
