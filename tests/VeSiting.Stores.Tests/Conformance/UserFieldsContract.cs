using NetTopologySuite.IO;
using VeSiting.Core.Assessments;
using VeSiting.Core.DataCoverage;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>
/// Both stores give back what the user's files and the address data add to records: a plant's permit date with its
/// source, its project and the basis of that grouping; the households at an access address (null = unknown); and what
/// answers say about the address data's coverage of a municipality and the household basis they rest on.
/// </summary>
public abstract class UserFieldsContract : IContractData
{
    protected abstract ISpatialStore Store { get; }

    private static readonly RecordOrigin Origin = new("user-fields", "user-fields", 1);

    public static DataSet Data() => new()
    {
        Plants =
        [
            PlannedPlants.Turbine("570714700000000001", 600000, 6200000, 60, 80) with
            {
                Status = PlantStatus.Operating, Origin = Origin,
                PermitDate = new DateOnly(2019, 4, 1), PermitDateSource = "permit-dates file permits.csv",
                ProjectId = "park-7", ProjectBasis = ProjectBasis.User,
            },
            PlannedPlants.Turbine("570714700000000002", 600500, 6200000, 60, 80) with
            {
                Status = PlantStatus.Operating, Origin = Origin, ProjectId = "ens-park-12", ProjectBasis = ProjectBasis.Register,
            },
            PlannedPlants.Turbine("570714700000000003", 601000, 6200000, 60, 80) with { Status = PlantStatus.Operating, Origin = Origin },
        ],
        Addresses = [Address("flats", 600100, 6200000, 40), Address("house", 600200, 6200000, null)],
        Municipalities =
        [
            Municipality("0101", "København", "POLYGON ((599000 6199000, 603000 6199000, 603000 6201000, 599000 6201000, 599000 6199000))"),
            Municipality("0787", "Thisted", "POLYGON ((470000 6300000, 480000 6300000, 480000 6320000, 470000 6320000, 470000 6300000))"),
        ],
        Population =
        [
            new MunicipalityPopulation(101, "København", "2024K1", 4, Origin),
            new MunicipalityPopulation(787, "Thisted", "2024K1", 42_989, Origin),
        ],
        Attributions = ["Hand-made test data"],
        Version = new DataVersion("user-fields", DateTimeOffset.UnixEpoch),
    };

    private static AdminArea Municipality(string code, string name, string wkt) => new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = code,
        Name = name,
        Origin = Origin,
        Geometry = GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(new WKTReader().Read(wkt)),
    };

    private static Address Address(string id, double e, double n, int? households) => new()
    {
        Id = id,
        MunicipalityCode = 101,
        StreetName = "Testvej",
        HouseNumber = id,
        PostCode = 2300,
        PostCodeName = "København S",
        Position = GeometryTransforms.Utm32Point(e, n),
        Origin = Origin,
        Households = households,
    };

    [Fact]
    public async Task A_plant_keeps_its_permit_date_source_project_and_basis()
    {
        var plant = await Store.FindPlantAsync("570714700000000001");

        Assert.NotNull(plant);
        Assert.Equal(new DateOnly(2019, 4, 1), plant.PermitDate);
        Assert.Equal("permit-dates file permits.csv", plant.PermitDateSource);
        Assert.Equal("park-7", plant.ProjectId);
        Assert.Equal(ProjectBasis.User, plant.ProjectBasis);
    }

    [Fact]
    public async Task Nearest_plants_carry_the_project_fields_and_unknown_stays_null()
    {
        var nearest = await Store.NearestPlantsAsync(GeometryTransforms.Utm32Point(600500, 6200000), PlantFilter.Any, 3);

        Assert.Equal(["570714700000000002", "570714700000000001", "570714700000000003"], nearest.Select(n => n.Plant.Id));
        Assert.Equal(("ens-park-12", ProjectBasis.Register), (nearest[0].Plant.ProjectId, nearest[0].Plant.ProjectBasis));
        Assert.Null(nearest[0].Plant.PermitDate);
        Assert.Null(nearest[0].Plant.PermitDateSource);
        Assert.Equal(500, nearest[1].DistanceM, 1e-6);
        Assert.Equal((null, null), (nearest[2].Plant.ProjectId, nearest[2].Plant.ProjectBasis));
    }

    [Fact]
    public async Task Addresses_keep_their_households_where_known()
    {
        var sites = await Store.SitesWithinAsync(GeometryTransforms.Utm32Point(600000, 6200000), 250);

        // flats at 100 m, house at 200 m.
        Assert.Equal([("flats", (int?)40), ("house", null)], sites.Addresses.Select(a => (a.Address.Id, a.Address.Households)));
        Assert.Equal(100, sites.Addresses[0].DistanceM, 1e-6);
    }

    [Fact]
    public async Task Coverage_says_which_municipality_the_address_data_does_not_cover()
    {
        var coverage = await AddressCoverage.OfMunicipalitiesAsync(Store);

        // 0101 holds both addresses; 4 persons / 2.13 per dwelling ≈ 1.9 dwellings, so 2 is not thin.
        // 0787 holds none; 42,989 / 2.13 = 20,182.6 dwellings.
        Assert.Equal([("0101", 2, false), ("0787", 0, true)], coverage.Select(c => (c.Municipality.Code, c.Addresses, c.IsThin)));
        Assert.Null(coverage[0].Statement);
        Assert.Equal("the address data holds 0 addresses in 0787 Thisted, where its population (42,989) implies about 20,183 dwellings: "
            + "counts of addresses and households there are not real; load the national file with `vesiting data add dar-addresses …` or OpenStreetMap's Denmark with `vesiting data add osm denmark-latest.osm.pbf`", coverage[1].Statement);
    }

    [Fact]
    public async Task Classifying_a_municipality_without_addresses_says_so_instead_of_a_silent_zero()
    {
        var selection = await DwellingsToClassify.LoadAsync(Store, synthetic: false, municipality: 787, syntheticCount: null, CancellationToken.None);

        Assert.Equal(0, selection.Total);
        Assert.StartsWith("the address data holds 0 addresses in 0787 Thisted", selection.CoverageStatement);
        Assert.Equal("no addresses, so no households", selection.HouseholdBasis);
    }

    [Fact]
    public async Task Classifying_says_which_household_basis_the_addresses_give()
    {
        var selection = await DwellingsToClassify.LoadAsync(Store, synthetic: false, municipality: 101, syntheticCount: null, CancellationToken.None);

        Assert.Equal(2, selection.Total);
        Assert.Null(selection.CoverageStatement);
        // flats: 40 dwelling units; house: unknown, so one household: 41.
        Assert.Equal("41 household(s): dwelling units from the address data at 1 of 2 access address(es), one household per access address at the other 1", selection.HouseholdBasis);
    }
}

public sealed class EmbeddedUserFieldsTests : UserFieldsContract
{
    protected override ISpatialStore Store { get; } = new EmbeddedSpatialStore(Data());
}

public sealed class PostGisUserFieldsTests(PostGisStoreOf<UserFieldsContract> fixture) : UserFieldsContract, IClassFixture<PostGisStoreOf<UserFieldsContract>>
{
    protected override ISpatialStore Store => fixture.Store;
}
