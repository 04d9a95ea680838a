using VeSiting.Core.DataCoverage;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.DataCoverage;

/// <summary>The household basis with BBR dwelling units: counts and statements derived by hand.</summary>
public sealed class HouseholdBasisTests
{
    private static Address At(string id, int? households, bool fromBbr) => new()
    {
        Id = id,
        MunicipalityCode = 101,
        StreetName = "Testvej",
        HouseNumber = id,
        PostCode = 2300,
        PostCodeName = "København S",
        Position = GeometryTransforms.Utm32Point(600000, 6200000),
        Origin = new RecordOrigin("t", "t", 1),
        Households = households,
        HouseholdsFromBbr = fromBbr,
    };

    [Fact]
    public void Bbr_dwelling_units_and_one_household_per_address_are_both_named()
    {
        // BBR: 40 + 0; two access addresses without any count: 1 each. 42 in all.
        var basis = HouseholdBasis.Of([At("a", 40, true), At("b", 0, true), At("c", null, false), At("d", null, false)]);

        Assert.Equal(new HouseholdBasis(4, 2, 42, 2), basis);
        Assert.Equal("42 household(s): BBR dwelling units at 2 of 4 access address(es), one household per access address at the other 2", basis.Statement);
    }

    [Fact]
    public void Without_bbr_the_statement_is_as_before()
    {
        var basis = HouseholdBasis.Of([At("a", 3, false), At("b", null, false)]);

        Assert.Equal("4 household(s): dwelling units from the address data at 1 of 2 access address(es), one household per access address at the other 1", basis.Statement);
    }

    [Fact]
    public void Building_flats_from_openstreetmap_are_named_beside_bbr_and_one_per_address()
    {
        // BBR: 6; building:flats: 12 + 3; one address without a count: 1. 22 in all.
        var basis = HouseholdBasis.Of([At("a", 6, true), At("b", 12, false) with { HouseholdsFromBuildingFlats = true },
            At("c", 3, false) with { HouseholdsFromBuildingFlats = true }, At("d", null, false)]);

        Assert.Equal(new HouseholdBasis(4, 3, 22, 1, 2), basis);
        Assert.Equal("22 household(s): BBR dwelling units at 1 of 4 access address(es), building:flats of the OpenStreetMap buildings at 2, one household per access address at the other 1", basis.Statement);
    }

    [Fact]
    public void Only_building_flats_say_so()
    {
        var basis = HouseholdBasis.Of([At("a", 12, false) with { HouseholdsFromBuildingFlats = true }, At("b", 3, false) with { HouseholdsFromBuildingFlats = true }]);

        Assert.Equal("15 household(s) from the building:flats of the OpenStreetMap buildings at each of the 2 access address(es)", basis.Statement);
    }
}
