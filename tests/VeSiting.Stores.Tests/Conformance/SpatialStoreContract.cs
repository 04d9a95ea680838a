using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>
/// What every store must answer, run once per implementation. Hand-made data: distances worked out by hand
/// in the comments. Real data: every answer equals a brute-force scan (<see cref="BruteForce"/>), with the
/// same ids and distances within 1 mm.
/// </summary>
public abstract partial class SpatialStoreContract
{
    private const double OneMillimetre = 0.001;

    protected abstract ISpatialStore HandMade { get; }
    protected abstract ISpatialStore Real { get; }
    protected abstract DataSet RealData { get; }

    // ---- hand-made data ----

    [Fact]
    public async Task Distance_to_a_solar_park_is_to_its_area_not_its_centre()
    {
        var solar = new PlantFilter { Kinds = new HashSet<PlantKind> { PlantKind.SolarPark } };
        // (600300, 6200100) is 100 m east of the park's east edge; its centre is 200 m away.
        var hit = Assert.Single(await HandMade.NearestPlantsAsync(GeometryTransforms.Utm32Point(600300, 6200100), solar, 1));
        Assert.Equal(100, hit.DistanceM, 1e-6);
        // Inside the park the distance is zero.
        Assert.Equal(0, (await HandMade.NearestPlantsAsync(GeometryTransforms.Utm32Point(600100, 6200100), solar, 1))[0].DistanceM);
    }

    [Fact]
    public async Task Nearest_orders_by_distance_then_id_and_respects_the_filter()
    {
        var origin = GeometryTransforms.Utm32Point(600000, 6200000);
        var turbines = new PlantFilter { Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine }, Statuses = new HashSet<PlantStatus> { PlantStatus.Operating } };

        var nearest = await HandMade.NearestPlantsAsync(origin, turbines, 3);

        Assert.Equal(["a", "b", "d"], nearest.Select(n => n.Plant.Id));
        Assert.Equal(500, nearest[0].DistanceM, 1e-6);
        Assert.Equal(500, nearest[1].DistanceM, 1e-6);
        Assert.Equal(Math.Sqrt(2) * 100_000, nearest[2].DistanceM, 1e-6);
        // Without the status filter the decommissioned turbine 100 m south comes first… after the solar park touching the point.
        Assert.Equal(["solar-1", "c"], (await HandMade.NearestPlantsAsync(origin, PlantFilter.Any, 2)).Select(n => n.Plant.Id));
    }

    [Fact]
    public async Task Nearest_returns_fewer_when_fewer_plants_match()
    {
        Assert.Equal(4, (await HandMade.NearestPlantsAsync(GeometryTransforms.Utm32Point(800000, 6300000), PlantFilter.Operating, 10)).Count);
        Assert.Empty(await HandMade.NearestPlantsAsync(GeometryTransforms.Utm32Point(800000, 6300000), new PlantFilter { MinTotalHeightM = 500 }, 10));
    }

    [Fact]
    public async Task Plants_within_a_radius_are_ordered_by_distance()
    {
        var within = await HandMade.PlantsWithinAsync(GeometryTransforms.Utm32Point(600000, 6200000), 500, PlantFilter.Any);
        // solar park 0 m (the point is its corner), c 100 m, a and b 500 m (boundary included).
        Assert.Equal(["solar-1", "c", "a", "b"], within.Select(p => p.Plant.Id));
    }

    [Fact]
    public async Task Sites_within_k_times_h_of_a_planned_turbine()
    {
        // H = 60 + 80/2 = 100 m; 4 × H = 400 m around (600000, 6200000).
        var turbine = HandMadeData.Turbine("planned", 600000, 6200000);
        var sites = await HandMade.SitesWithinAsync(turbine.Geometry, NeighbourRadius.MultipleOfTotalHeight(turbine, 4));

        // Address 3 at (+100, +100): √20000 ≈ 141.42 m; address 1 at (+300, +400): 500 m (outside); address 2: 1,000 m.
        var address = Assert.Single(sites.Addresses);
        Assert.Equal("3", address.Address.Id);
        Assert.Equal(Math.Sqrt(20_000), address.DistanceM, 1e-6);
        // The building's nearest corner is (600250, 6200000): 250 m.
        Assert.Equal(250, Assert.Single(sites.Buildings).DistanceM, 1e-6);
    }

    [Fact]
    public async Task Sites_within_a_radius_of_a_polygon_count_from_its_edge()
    {
        var sites = await HandMade.SitesWithinAsync(HandMadeData.SolarSquare.Geometry, 200);
        // Address 3 lies inside (0 m); address 1 at (600300, 6200400) is √(100² + 200²) ≈ 223.6 m from the corner: outside.
        Assert.Equal(["3"], sites.Addresses.Select(a => a.Address.Id));
        Assert.Equal(0, sites.Addresses[0].DistanceM);
    }

    [Fact]
    public async Task Plants_within_a_radius_of_each_point_come_per_point_in_order()
    {
        var points = new[] { GeometryTransforms.Utm32Point(600000, 6200000), GeometryTransforms.Utm32Point(800000, 6300000), GeometryTransforms.Utm32Point(600300, 6200100) };
        var each = await HandMade.PlantsWithinEachAsync(points, 500, PlantFilter.Any);
        Assert.Equal(3, each.Count);
        // As the single-point call: solar park 0 m (its corner), c 100 m, a and b 500 m (boundary included).
        Assert.Equal(["solar-1", "c", "a", "b"], each[0].Select(p => p.Plant.Id));
        Assert.Empty(each[1]);
        // (600300, 6200100) is 100 m east of the park's east edge.
        Assert.Equal(100, Assert.Single(each[2], p => p.Plant.Id == "solar-1").DistanceM, 1e-6);
        Assert.Empty(await HandMade.PlantsWithinEachAsync([], 500, PlantFilter.Any));
    }

    [Fact]
    public async Task Nearest_address_of_each_point()
    {
        // (600000, 6200000): address 3 at (+100, +100) is √20000 ≈ 141.42 m away, address 1 500 m, address 2 1,000 m.
        // (601000, 6200500): address 2 500 m south; address 1 √(700² + 100²) ≈ 707.1 m.
        var each = await HandMade.NearestAddressEachAsync([GeometryTransforms.Utm32Point(600000, 6200000), GeometryTransforms.Utm32Point(601000, 6200500)]);
        Assert.Equal(["3", "2"], each.Select(a => a!.Address.Id));
        Assert.Equal(Math.Sqrt(20_000), each[0]!.DistanceM, 1e-6);
        Assert.Equal(500, each[1]!.DistanceM, 1e-6);
    }

    [Fact]
    public async Task Area_of_each_point_as_point_in_area_finds_it()
    {
        var points = new[] { 595000.0, 605000, 600000, 650000 }.Select(e => GeometryTransforms.Utm32Point(e, 6200000)).ToList();
        Assert.Equal(["0101", "0147", "0101", null], (await HandMade.AreasAtEachAsync(AdminAreaKind.Municipality, points)).Select(a => a?.Code));
        Assert.All(await HandMade.AreasAtEachAsync(AdminAreaKind.Region, points), Assert.Null);
    }

    [Fact]
    public async Task Addresses_in_an_area_include_its_boundary_and_come_by_id()
    {
        // The rectangle x 600,100–601,000, y 6,200,000–6,200,100 has address 3 (600100, 6200100) on a corner and address 2
        // (601000, 6200000) on the opposite one; address 1 (600300, 6200400) lies 300 m north of it.
        var rectangle = GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(new Envelope(600_100, 601_000, 6_200_000, 6_200_100));
        Assert.Equal(["2", "3"], (await HandMade.AddressesInAsync(rectangle)).Select(a => a.Id));
        var municipalities = await HandMade.ListAreasAsync(AdminAreaKind.Municipality);
        // All three lie east of x = 600,000: in 0147, none in 0101.
        Assert.Equal(["1", "2", "3"], (await HandMade.AddressesInAsync(municipalities.Single(m => m.Code == "0147").Geometry)).Select(a => a.Id));
        Assert.Empty(await HandMade.AddressesInAsync(municipalities.Single(m => m.Code == "0101").Geometry));
        Assert.Equal(["3"], (await HandMade.AddressesInAsync(GeometryTransforms.Utm32Point(600_100, 6_200_100))).Select(a => a.Id));
    }

    [Fact]
    public async Task Point_in_area_includes_the_boundary_and_resolves_shared_edges_by_code()
    {
        Assert.Equal("0101", (await HandMade.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(595000, 6200000)))?.Code);
        Assert.Equal("0147", (await HandMade.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(605000, 6200000)))?.Code);
        Assert.Equal("0101", (await HandMade.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(600000, 6200000)))?.Code);
        Assert.Null(await HandMade.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(650000, 6200000)));
        Assert.Null(await HandMade.AreaAtAsync(AdminAreaKind.Region, GeometryTransforms.Utm32Point(595000, 6200000)));
        Assert.Equal(["0101", "0147"], (await HandMade.ListAreasAsync(AdminAreaKind.Municipality)).Select(a => a.Code));
    }

    [Fact]
    public async Task Areas_meeting_a_box_are_those_whose_bounds_it_touches()
    {
        // 0101 spans x 590–600 km, 0147 600–610 km (y 6,190–6,210 km); a shared edge touches both.
        async Task<string[]> Codes(double x0, double y0, double x1, double y1) =>
            (await HandMade.AreasMeetingAsync(AdminAreaKind.Municipality, new Envelope(x0, x1, y0, y1))).Select(a => a.Code).ToArray();
        Assert.Equal(["0101"], await Codes(591000, 6195000, 592000, 6196000));
        Assert.Equal(["0147"], await Codes(605000, 6195000, 615000, 6196000));
        Assert.Equal(["0101", "0147"], await Codes(599000, 6200000, 601000, 6201000));
        Assert.Equal(["0101", "0147"], await Codes(600000, 6200000, 600000, 6200000));
        Assert.Empty(await Codes(650000, 6200000, 660000, 6210000));
    }

    [Theory]
    [InlineData(AdminAreaKind.Municipality, 720000, 6170000, 730000, 6180000)] // Copenhagen
    [InlineData(AdminAreaKind.Municipality, 480000, 6200000, 560000, 6260000)] // central Jutland
    [InlineData(AdminAreaKind.Region, 600000, 6100000, 700000, 6200000)]
    [InlineData(AdminAreaKind.PostCode, 640000, 6150000, 645000, 6155000)]
    public async Task Areas_meeting_a_box_on_real_data_equal_a_scan_of_every_area(AdminAreaKind kind, double x0, double y0, double x1, double y1)
    {
        var box = new Envelope(x0, x1, y0, y1);
        var expected = (await Real.ListAreasAsync(kind)).Where(a => a.Geometry.EnvelopeInternal.Intersects(box)).Select(a => a.Code).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await Real.AreasMeetingAsync(kind, box)).Select(a => a.Code));
    }

    [Fact]
    public async Task Plants_can_be_found_by_id_and_listed_by_filter()
    {
        var found = await HandMade.FindPlantAsync(" d ");
        Assert.Equal("d", found?.Id);
        Assert.Equal(100, found?.TotalHeightM);
        Assert.Null(await HandMade.FindPlantAsync("zzz"));
        Assert.Equal(["a", "b", "d", "solar-1"], (await HandMade.ListPlantsAsync(PlantFilter.Operating)).Select(p => p.Id));
        Assert.Equal(["c"], (await HandMade.ListPlantsAsync(new PlantFilter { Statuses = new HashSet<PlantStatus> { PlantStatus.Decommissioned } })).Select(p => p.Id));
    }

    [Fact]
    public async Task Address_search_needs_every_word_and_ranks_exact_matches_first()
    {
        Assert.Equal(["3"], (await HandMade.SearchAddressesAsync("testvej 3", 5)).Select(a => a.Id));
        Assert.Equal(["1", "2", "3"], (await HandMade.SearchAddressesAsync("TESTV", 5)).Select(a => a.Id));
        Assert.Equal(["1"], (await HandMade.SearchAddressesAsync("Testvej 1, 2300 København", 5)).Select(a => a.Id));
        Assert.Empty(await HandMade.SearchAddressesAsync("Testvej 1, 8000", 5));
        Assert.Empty(await HandMade.SearchAddressesAsync("  ,, ", 5));
    }

    [Fact]
    public void The_store_names_its_data_version_and_attribution()
    {
        Assert.Equal("hand-made", HandMade.Version.Id);
        Assert.Equal(["Hand-made test data"], HandMade.Attributions);
    }

    // ---- real data ----

    [Fact]
    public async Task Nearest_operating_plant_for_every_address_matches_a_brute_force_scan()
    {
        foreach (var address in RealData.Addresses)
        {
            var expected = BruteForce.Nearest(RealData, address.Position, PlantFilter.Operating)!;
            var actual = Assert.Single(await Real.NearestPlantsAsync(address.Position, PlantFilter.Operating, 1));
            Assert.True(expected.Plant.Id == actual.Plant.Id, $"address {address.Label}: expected {expected.Plant.Id}, got {actual.Plant.Id}");
            Assert.Equal(expected.DistanceM, actual.DistanceM, OneMillimetre);
        }
    }

    [Fact]
    public async Task Nearest_turbine_of_at_least_25_m_for_every_address_matches_a_brute_force_scan()
    {
        var filter = PlantFilter.Operating with { Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine }, MinTotalHeightM = 25 };
        foreach (var address in RealData.Addresses.Where((_, i) => i % 5 == 0))
        {
            var expected = BruteForce.Nearest(RealData, address.Position, filter)!;
            var actual = Assert.Single(await Real.NearestPlantsAsync(address.Position, filter, 1));
            Assert.Equal(expected.Plant.Id, actual.Plant.Id);
            Assert.Equal(expected.DistanceM, actual.DistanceM, OneMillimetre);
        }
    }

    public static TheoryData<double, double> PlannedTurbines => new()
    {
        { 638500, 6150500 }, // user journey 1, west of Høng
        { 638700, 6150500 }, // … moved 200 m east
        { 638158.81, 6149763.93 }, // on top of an address
        { 588000, 6137000 }, // Odense
        { 727000, 6175000 }, // Copenhagen
    };

    [Theory]
    [MemberData(nameof(PlannedTurbines))]
    public async Task Dwellings_within_4_6_8_h_of_a_planned_turbine_match_a_brute_force_scan(double e, double n)
    {
        var turbine = PlannedPlants.Turbine("planned", e, n, hubHeightM: 95, rotorDiameterM: 110);
        foreach (var k in new[] { 4.0, 6.0, 8.0 })
        {
            var radius = NeighbourRadius.MultipleOfTotalHeight(turbine, k);
            var sites = await Real.SitesWithinAsync(turbine.Geometry, radius);
            AssertSame(BruteForce.AddressesWithin(RealData, turbine.Geometry, radius), sites.Addresses.Select(a => (a.Address.Id, a.DistanceM)).ToList());
            AssertSame(BruteForce.BuildingsWithin(RealData, turbine.Geometry, radius), sites.Buildings.Select(b => (b.Building.Id, b.DistanceM)).ToList());
        }
    }

    [Fact]
    public async Task Addresses_in_every_municipality_match_a_brute_force_scan()
    {
        foreach (var municipality in RealData.Areas(AdminAreaKind.Municipality))
        {
            var expected = BruteForce.AddressesWithin(RealData, municipality.Geometry, 0).Select(a => a.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, (await Real.AddressesInAsync(municipality.Geometry)).Select(a => a.Id));
        }
        Assert.Equal(RealData.Addresses.Count, (await Real.AddressesInAsync(GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(new Envelope(300_000, 1_000_000, 5_900_000, 6_500_000)))).Count);
    }

    [Fact]
    public async Task Nearest_district_heating_plant_and_address_of_each_plant_match_a_brute_force_scan()
    {
        Assert.NotEmpty(RealData.DistrictHeating);
        var points = RealData.Plants.Where((_, i) => i % 7 == 0).Select(p => GeometryTransforms.Utm32Point(p.Geometry.Centroid.X, p.Geometry.Centroid.Y)).ToList();
        var heat = await Real.NearestDistrictHeatingEachAsync(points);
        var addresses = await Real.NearestAddressEachAsync(points);
        for (var i = 0; i < points.Count; i++)
        {
            var expectedHeat = RealData.DistrictHeating.Select(h => (h.Id, h.Name, Distance: h.Position.Distance(points[i])))
                .OrderBy(h => h.Distance).ThenBy(h => h.Id, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).First();
            Assert.Equal((expectedHeat.Id, expectedHeat.Name), (heat[i]!.Plant.Id, heat[i]!.Plant.Name));
            Assert.Equal(expectedHeat.Distance, heat[i]!.DistanceM, OneMillimetre);
            var expectedAddress = RealData.Addresses.Select(a => (a.Id, Distance: a.Position.Distance(points[i])))
                .OrderBy(a => a.Distance).ThenBy(a => a.Id, StringComparer.Ordinal).First();
            Assert.Equal(expectedAddress.Id, addresses[i]!.Address.Id);
            Assert.Equal(expectedAddress.Distance, addresses[i]!.DistanceM, OneMillimetre);
        }
    }

    [Fact]
    public async Task Plants_within_2_km_of_each_address_equal_the_single_point_answers()
    {
        var points = RealData.Addresses.Where((_, i) => i % 11 == 0).Select(a => a.Position).ToList();
        var each = await Real.PlantsWithinEachAsync(points, 2_000, PlantFilter.Operating);
        for (var i = 0; i < points.Count; i++)
        {
            var expected = RealData.Plants.Where(PlantFilter.Operating.Matches).Select(p => (p.Id, p.Status, DistanceM: p.Geometry.Distance(points[i])))
                .Where(p => p.DistanceM <= 2_000).OrderBy(p => p.DistanceM).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Status).ToList();
            Assert.Equal(expected.Select(p => p.Id), each[i].Select(p => p.Plant.Id));
            Assert.Equal(expected.Select(p => p.DistanceM), each[i].Select(p => p.DistanceM), (x, y) => Math.Abs(x - y) <= OneMillimetre);
        }
    }

    [Theory]
    [InlineData("data-centre")]
    [InlineData("greenhouse")]
    public async Task Per_cell_siting_through_the_store_equals_the_raster_of_the_listed_inputs(string profileId)
    {
        // The per-cell engine reads plants, heat, dwellings and areas through the store's batch calls; the raster engine reads
        // the same data once through the listing calls and computes every cell its own way. At 1 km over journey 1's
        // municipality they must agree cell by cell, as over Denmark on the embedded store (RealRasterSitingTests).
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var library = RuleLibrary.Load(geodata);
        var profile = new SitingProfileLoader(geodata).LoadAll()[profileId];
        var service = new SitingService(Real, library.Rules, library.PriceStack(2026), library.Scenarios, new DateOnly(2026, 11, 26));
        var municipality = await Real.AreaAtAsync(AdminAreaKind.Municipality, GeometryTransforms.Utm32Point(638500, 6150500));
        Assert.NotNull(municipality);
        var area = (await service.ResolveAreaAsync($"municipality:{municipality.Code}", CancellationToken.None)).Value;

        var perCell = await service.RunAsync(profile, area, 1000);
        var (raster, _, _) = await service.RasterAsync(profile, area, 1000);

        var grid = raster.Grid;
        var inRaster = new Dictionary<string, long>();
        for (long i = 0; i < grid.Count; i++)
        {
            if (raster.Status[i] != (byte)CellStatus.Outside)
                inRaster[grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns))] = i;
        }
        Assert.Equal(perCell.Sites.Select(s => s.Candidate.Id).Order(StringComparer.Ordinal), inRaster.Keys.Order(StringComparer.Ordinal));
        Assert.All(perCell.Sites, s => Assert.Equal(s.ExcludedBecause is null, raster.Status[inRaster[s.Candidate.Id]] == (byte)CellStatus.Ranked));
        Assert.NotEmpty(perCell.Ranked);
        var strip = PointDistanceTransform.StripWidth(1000);
        foreach (var site in perCell.Ranked)
        {
            for (var c = 0; c < raster.Criteria.Count; c++)
            {
                var exact = site.Values[c].Value;
                var value = raster.Bands[c][inRaster[site.Candidate.Id]];
                if (exact is null) { Assert.True(float.IsNaN(value), $"{site.Candidate.Id} {site.Values[c].Criterion}: {value}, expected none"); continue; }
                Assert.InRange(value, exact.Value - Math.Abs(exact.Value) * 1e-6 - 1e-3, exact.Value + Math.Abs(exact.Value) * 1e-6 + 1e-3 + (site.Values[c].Unit == "m" ? strip : 0));
            }
        }
        var top = raster.Top(20).Select(i => grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns)));
        Assert.Equal(perCell.Ranked.Take(20).Select(s => s.Candidate.Id), top);
    }

    [Fact]
    public async Task Journey_1_rings_hold_the_independently_counted_sites()
    {
        // Python on the DAR CSV: 0 / 26 / 42 addresses within 600 / 900 / 1,200 m; PostGIS on the footprints: 0 / 41 / 70 buildings.
        var turbine = PlannedPlants.Turbine("planned", 638500, 6150500, 95, 110);
        var sites = await Real.SitesWithinAsync(turbine.Geometry, 1200);
        Assert.Equal([0, 26, 42], new[] { 600, 900, 1200 }.Select(r => sites.Addresses.Count(a => a.DistanceM <= r)));
        Assert.Equal([0, 41, 70], new[] { 600, 900, 1200 }.Select(r => sites.Buildings.Count(b => b.DistanceM <= r)));
    }

    [Fact]
    public async Task Point_in_municipality_region_and_postcode_for_every_address_matches_a_brute_force_scan()
    {
        foreach (var address in RealData.Addresses)
        {
            foreach (var kind in Enum.GetValues<AdminAreaKind>())
                Assert.Equal(BruteForce.AreaAt(RealData, kind, address.Position), (await Real.AreaAtAsync(kind, address.Position))?.Code);
        }
    }

    [Fact]
    public async Task Point_in_municipality_for_every_turbine_matches_a_brute_force_scan()
    {
        foreach (var turbine in RealData.Plants.Where(p => p.Kind == PlantKind.WindTurbine && p.Status == PlantStatus.Operating))
        {
            var point = turbine.Geometry.Centroid;
            Assert.Equal(BruteForce.AreaAt(RealData, AdminAreaKind.Municipality, point), (await Real.AreaAtAsync(AdminAreaKind.Municipality, point))?.Code);
        }
    }

    [Fact]
    public async Task Listing_finding_and_searching_agree_with_the_data()
    {
        var onshoreVarde = new PlantFilter { MunicipalityCode = 573, Siting = Siting.Onshore, MinTotalHeightM = 100, ConnectedOnOrAfter = new DateOnly(2010, 1, 1) };
        Assert.Equal(
            RealData.Plants.Where(onshoreVarde.Matches).Select(p => p.Id).Order(StringComparer.Ordinal),
            (await Real.ListPlantsAsync(onshoreVarde)).Select(p => p.Id));

        var known = RealData.Plants.First(p => p.Kind == PlantKind.WindTurbine);
        var found = await Real.FindPlantAsync(known.Id);
        Assert.Equal(known with { Geometry = found!.Geometry, AnnualProductionKwh = found.AnnualProductionKwh }, found);
        Assert.True(known.Geometry.EqualsExact(found.Geometry));
        Assert.Equal(known.AnnualProductionKwh.OrderBy(p => p.Key), found.AnnualProductionKwh.OrderBy(p => p.Key));

        Assert.Equal("310b95db-5871-471d-baf2-9e680b9f7df3", (await Real.SearchAddressesAsync("Eliasgade 10, 2300", 3))[0].Id);

        var building = RealData.Buildings[17];
        Assert.Equal(building.Id, (await Real.FindBuildingAsync(building.Id))?.Id);
        Assert.Equal(building.Id, (await Real.FindBuildingAsync(building.BbrId!.ToUpperInvariant()))?.Id);
        Assert.Null(await Real.FindBuildingAsync("no-such-building"));
        Assert.Equal(RealData.Version.Id, Real.Version.Id);
        Assert.Equal(RealData.Attributions, Real.Attributions);
    }

    [Fact]
    public async Task District_heating_and_population_are_served_as_imported()
    {
        var heat = await Real.ListDistrictHeatingAsync();
        Assert.Equal(419, heat.Count);
        var first = RealData.DistrictHeating.OrderBy(h => h.Id, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).First();
        Assert.Equal(first.Name, heat[0].Name);
        Assert.True(first.Position.EqualsExact(heat[0].Position));
        var population = await Real.ListPopulationAsync();
        Assert.Equal(5_961_249, population.Sum(p => p.Population)); // awk over the DST CSV
        Assert.Equal(29_610, population.Single(p => p.MunicipalityCode == 480).Population);
    }

    private static void AssertSame(List<(string Id, double DistanceM)> expected, List<(string Id, double DistanceM)> actual)
    {
        Assert.Equal(expected.Select(e => e.Id), actual.Select(a => a.Id));
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].DistanceM, actual[i].DistanceM, OneMillimetre);
    }
}
