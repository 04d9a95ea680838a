using VeSiting.Core.Suitability;
using VeSiting.Core.Tariffs.Impact;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Stores.Tests.Conformance;

public abstract partial class SpatialStoreContract
{
    [Theory]
    [InlineData("banded-distance")]
    [InlineData("new-plants-weighted")]
    public async Task The_proposals_national_impact_through_the_store_equals_the_one_from_the_data_itself(string id)
    {
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var scenario = library.Scenario(id);
        var stack = library.PriceStack(2026);
        var household = library.Profile("household");
        var got = await new ProposalImpactService(Real, stack, household).RunAsync(scenario, "denmark", synthetic: false);

        // The same answer without the store: every loaded address of a numbered municipality, the plants the engine
        // counts today, zoned point by point (ZoneAt, no cells).
        var codes = RealData.Municipalities.Where(m => m.NumericCode is not null).ToDictionary(m => m.NumericCode!.Value, m => m.Name);
        var addresses = RealData.Addresses.Where(a => codes.ContainsKey(a.MunicipalityCode)).ToList();
        var plants = RealData.Plants.Where(SitingEngine.Current.Matches).ToList();
        var zoner = new ScenarioZoner(scenario, plants);
        var households = new ImpactHouseholds([.. addresses.Select(a => a.Position.X)], [.. addresses.Select(a => a.Position.Y)],
            [.. addresses.Select(a => a.MunicipalityCode)], [.. addresses.Select(a => a.Households ?? 1)], false, new Dictionary<int, string>());
        var expected = new ProposalImpactCalculator(scenario, stack, household).Compute("Denmark", zoner,
            [.. addresses.Select(a => zoner.ZoneAt(a.Position.X, a.Position.Y))], households, [], codes);

        Assert.Equal(expected.Zones.Select(z => (z.ZoneId, z.Households)), got.Zones.Select(z => (z.ZoneId, z.Households)));
        Assert.True(expected.Zones.Sum(z => z.Households) > 0);
        Assert.Equal(expected.RevenueTakenDkkPerYear, got.RevenueTakenDkkPerYear, 6);
        Assert.Equal(expected.UpliftOrePerKwh is null, got.UpliftOrePerKwh is null);
        Assert.Equal(expected.UpliftOrePerKwh ?? 0, got.UpliftOrePerKwh ?? 0, 9);
        Assert.Equal(expected.Municipalities.Select(m => (m.Code, m.Households, m.ZonedHouseholds)), got.Municipalities.Select(m => (m.Code, m.Households, m.ZonedHouseholds)));
        foreach (var (e, g) in expected.Municipalities.Zip(got.Municipalities))
            Assert.Equal(e.NetDkkPerHousehold, g.NetDkkPerHousehold, 6);
    }
}
