using VeSiting.Core.DataCoverage;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>
/// Both stores keep where an access address's households come from: BBR dwelling units (user-loaded BBR units, which
/// may be 0 where the units are shops or cottages), the unit addresses, or nothing (one household per access address),
/// and answers built on them say which basis they used.
/// </summary>
public abstract class BbrHouseholdsContract : IContractData
{
    protected abstract ISpatialStore Store { get; }

    private static readonly RecordOrigin Origin = new("bbr-households", "bbr-households", 1);

    public static DataSet Data() => new()
    {
        Plants = [],
        Addresses =
        [
            Address("block", 600100, 6200000, 12, fromBbr: true),
            Address("shop", 600200, 6200000, 0, fromBbr: true),
            Address("flats", 600300, 6200000, 3, fromBbr: false),
            Address("house", 600400, 6200000, null, fromBbr: false),
        ],
        Attributions = ["Hand-made test data"],
        Version = new DataVersion("bbr-households", DateTimeOffset.UnixEpoch),
    };

    private static Address Address(string id, double e, double n, int? households, bool fromBbr) => new()
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
        HouseholdsFromBbr = fromBbr,
    };

    [Fact]
    public async Task Addresses_keep_whether_their_households_are_bbr_dwelling_units()
    {
        var sites = await Store.SitesWithinAsync(GeometryTransforms.Utm32Point(600000, 6200000), 450);

        Assert.Equal(
            [("block", (int?)12, true), ("shop", 0, true), ("flats", 3, false), ("house", null, false)],
            sites.Addresses.Select(a => (a.Address.Id, a.Address.Households, a.Address.HouseholdsFromBbr)));
    }

    [Fact]
    public async Task The_household_basis_says_where_it_used_bbr_dwelling_units()
    {
        var area = GeometryTransforms.Utm32Point(600250, 6200000).Buffer(1000);
        var basis = HouseholdBasis.Of(await Store.AddressesInAsync(area));

        // BBR: 12 + 0 at block and shop; unit addresses: 3 at flats; one household at house: 16 in all.
        Assert.Equal(new HouseholdBasis(4, 3, 16, 2), basis);
        Assert.Equal("16 household(s): BBR dwelling units at 2 of 4 access address(es), dwelling units from the unit addresses at 1, "
            + "one household per access address at the other 1", basis.Statement);
    }

    [Fact]
    public async Task Where_every_address_has_bbr_units_the_basis_is_bbr_alone()
    {
        var area = GeometryTransforms.Utm32Point(600150, 6200000).Buffer(60);
        var basis = HouseholdBasis.Of(await Store.AddressesInAsync(area));

        Assert.Equal("12 household(s) from the BBR dwelling units at each of the 2 access address(es)", basis.Statement);
    }
}

public sealed class EmbeddedBbrHouseholdsTests : BbrHouseholdsContract
{
    protected override ISpatialStore Store { get; } = new EmbeddedSpatialStore(Data());
}

public sealed class PostGisBbrHouseholdsTests(PostGisStoreOf<BbrHouseholdsContract> fixture) : BbrHouseholdsContract, IClassFixture<PostGisStoreOf<BbrHouseholdsContract>>
{
    protected override ISpatialStore Store => fixture.Store;
}
