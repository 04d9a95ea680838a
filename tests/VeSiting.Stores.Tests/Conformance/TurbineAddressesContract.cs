using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>
/// A registered turbine's own address point is not a neighbour's home (#26): both stores' project and municipality
/// answers leave it out of the dwellings and the ring counts and list it with why; an address as close to a planned
/// turbine is a home in its way and stays counted. Hand-made: turbine t1 at (595000, 6200000) in municipality 0101,
/// hub 100 m + rotor 100 m / 2 → H = 150 m; the data-reading rule set's radius is 10 m.
/// </summary>
public abstract class TurbineAddressesContract : IContractData
{
    protected abstract ISpatialStore Store { get; }

    private static readonly RecordOrigin Origin = new("turbine-addresses", "turbine-addresses", 1);

    public static DataSet Data()
    {
        var municipalities = HandMadeData.Create().Municipalities;
        return new DataSet
        {
            Plants =
            [
                HandMadeData.Turbine("t1", 595000, 6200000, hub: 100, rotor: 100) with { ConnectedOn = new DateOnly(2022, 6, 1), MunicipalityCode = 101 },
                HandMadeData.Turbine("p1", 605000, 6200000, hub: 100, rotor: 100, status: PlantStatus.Planned),
            ],
            Addresses =
            [
                Address("own", 595003, 6200004, 101),        // √(3² + 4²) = 5 m from t1: its own address
                Address("beside", 595009, 6200012, 101),     // √(9² + 12²) = 15 m: beyond 10 m, a home
                Address("home-near", 595000, 6200500, 101),  // 500 m = 3.33 × H
                Address("home-far", 595800, 6200000, 101),   // 800 m = 5.33 × H
                Address("in-the-way", 605003, 6200004, 147), // 5 m from the planned p1: a home in its way
            ],
            Municipalities = municipalities,
            Attributions = ["Hand-made test data"],
            Version = new DataVersion("turbine-addresses", DateTimeOffset.UnixEpoch),
        };
    }

    private static Address Address(string id, double e, double n, int municipality) => new()
    {
        Id = id,
        MunicipalityCode = municipality,
        StreetName = "Møllevej",
        HouseNumber = id,
        PostCode = 4270,
        PostCodeName = "Høng",
        Position = GeometryTransforms.Utm32Point(e, n),
        Origin = Origin,
    };

    private AssessmentContext Context()
    {
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        return new AssessmentContext(Store, library.Rules, library.PriceStack(2026), [], new DateOnly(2026, 11, 26));
    }

    [Fact]
    public async Task A_turbines_own_address_is_listed_with_why_and_left_out_of_the_projects_dwellings()
    {
        var t1 = (await Store.ListPlantsAsync(PlantFilter.Any)).Single(p => p.Id == "t1");

        var assessment = await new ProjectAssessor(Context()).AssessAsync(new Project("t1", [t1], new DateOnly(2022, 6, 1)));

        // Every other address of 0101 is within the VE-bonus reach of 8 × H = 1,200 m, and each is a home.
        Assert.Equal(["beside", "home-far", "home-near"], assessment.Dwellings.Select(d => d.Address.Id).Order(StringComparer.Ordinal));
        var own = Assert.Single(assessment.TurbineAddresses);
        Assert.Equal(("own", "t1", 5.0), (own.Address.Id, own.Turbine.Id, Math.Round(own.DistanceM, 6)));
        Assert.Equal("neighbours.turbine-own-address", own.Why.Code);
        Assert.Equal((5.0, "t1", 10.0), ((double)own.Why["distance"]!, (string)own.Why["turbine"]!, (double)own.Why["limit"]!));
        Assert.Contains(assessment.Provenance.Unconfirmed, u => u.Key == TurbineOwnAddresses.RadiusKey);
    }

    [Fact]
    public async Task An_address_beside_a_planned_turbine_is_a_home_in_its_way()
    {
        var p1 = (await Store.ListPlantsAsync(PlantFilter.Any)).Single(p => p.Id == "p1");

        var assessment = await new ProjectAssessor(Context()).AssessAsync(new Project("p1", [p1], new DateOnly(2026, 6, 1)));

        var home = Assert.Single(assessment.Dwellings);
        Assert.Equal(("in-the-way", 5.0, true), (home.Address.Id, Math.Round(home.DistanceM, 6), home.Violation));
        Assert.Empty(assessment.TurbineAddresses);
    }

    [Fact]
    public async Task The_municipalitys_ring_counts_are_homes_and_its_turbine_addresses_are_listed()
    {
        var assessment = (await new MunicipalityAssessor(Context()).AssessAsync("0101")).Value;

        // beside (0.1 × H), home-near (3.33 × H) and home-far (5.33 × H) each fall in one ring; own is not counted.
        Assert.Equal(3, assessment.AddressesInSchemeRings.Values.Sum());
        Assert.Equal(["own"], assessment.TurbineAddresses.Select(t => t.Address.Id));
        // Each ring's key is its English label; beside it the label as a reason, which a Danish answer renders in Danish.
        Assert.Equal(assessment.AddressesInSchemeRings.Keys.Order(), assessment.SchemeRingLabels.Keys.Order());
        Assert.All(assessment.SchemeRingLabels, r => Assert.Equal(r.Key, r.Value.Text));
        var danish = assessment.SchemeRingLabels.Values.Select(r => r.Render(VeSiting.Core.Explanations.MessageCatalogue.Danish)).ToList();
        Assert.Contains(danish, l => l.Contains("minimumsafstand", StringComparison.Ordinal));
        Assert.Contains(danish, l => l.Contains("salgsoption", StringComparison.Ordinal));
        Assert.DoesNotContain(danish, l => l.Contains("minimum distance", StringComparison.Ordinal) || l.Contains("sales option", StringComparison.Ordinal));
    }
}

public sealed class EmbeddedTurbineAddressesTests : TurbineAddressesContract
{
    protected override ISpatialStore Store { get; } = new EmbeddedSpatialStore(Data());
}

public sealed class PostGisTurbineAddressesTests(PostGisStoreOf<TurbineAddressesContract> fixture) : TurbineAddressesContract, IClassFixture<PostGisStoreOf<TurbineAddressesContract>>
{
    protected override ISpatialStore Store => fixture.Store;
}
