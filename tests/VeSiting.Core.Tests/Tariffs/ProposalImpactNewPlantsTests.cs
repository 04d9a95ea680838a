using VeSiting.Core.Domain;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tariffs.Impact;
using VeSiting.Core.Tests.Suitability;

namespace VeSiting.Core.Tests.Tariffs;

/// <summary>
/// Which plants make zones, by the scenario's data (<c>coveredPlants.connectedFrom</c>). Two zones as in
/// <see cref="ProposalImpactTests"/>: A within 1 km (half the DSO tariff, all of Energinet's), B within 3 km (a quarter of the DSO
/// tariff); households use 4,000 kWh a year, all at night (lavlast 10.83 øre/kWh), Energinet 12.5 øre/kWh, VAT 25 %.
/// An old turbine (connected 15 March 2015) at (600,000, 6,200,000) and a new one (1 September 2021) at (620,000, 6,200,000);
/// municipality 101: 100 households 500 m from the old turbine; municipality 147: 120 households 500 m from the new one and
/// 80 households 2 km from it. 300 households in all.
/// </summary>
public sealed class ProposalImpactNewPlantsTests
{
    private static readonly TariffScenario AllPlants = new()
    {
        Id = "two-zones",
        Version = "1",
        Title = "two zones",
        Basis = ZoneBasis.Distance,
        CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine }, new HashSet<PlantStatus>(), 25, 500),
        Zones =
        [
            new TariffZone("A", "within 1 km", 1000, null, null, new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.5, [PriceComponent.EnerginetTariffs] = 1 }),
            new TariffZone("B", "within 3 km", 3000, null, null, new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.25 }),
        ],
        Sha256 = new string('d', 64),
        File = "two-zones.json",
    };

    private static readonly TariffScenario NewPlants = AllPlants with
    {
        Id = "two-zones-new",
        CoveredPlants = AllPlants.CoveredPlants with { ConnectedFrom = new DateOnly(2020, 6, 1) },
    };

    private static readonly ConsumptionProfile Night = new("household", "night", 4000, TimeOfUseShares.Uniform(1, 0, 0));

    private static readonly Plant[] Plants =
    [
        SitingEngineTests.Turbine("old", 600_000, 6_200_000, 600) with { ConnectedOn = new DateOnly(2015, 3, 15) },
        SitingEngineTests.Turbine("new", 620_000, 6_200_000, 4200) with { ConnectedOn = new DateOnly(2021, 9, 1) },
    ];

    private static ProposalImpact Run(TariffScenario scenario)
    {
        var x = new List<double>(); var y = new List<double>(); var m = new List<int>();
        void Add(int n, double e, double north, int code) { for (var i = 0; i < n; i++) { x.Add(e); y.Add(north); m.Add(code); } }
        Add(100, 600_500, 6_200_000, 101);
        Add(120, 620_000, 6_200_500, 147);
        Add(80, 620_000, 6_202_000, 147);
        var households = new ImpactHouseholds([.. x], [.. y], [.. m], [.. Enumerable.Repeat(1, x.Count)], false, new Dictionary<int, string>());
        return new ProposalImpactCalculator(scenario, TestPrices.Stack2026, Night)
            .Compute("test", Plants, households, [], new Dictionary<int, string> { [101] = "København", [147] = "Frederiksberg" });
    }

    [Fact]
    public void Only_plants_connected_from_the_scenarios_date_make_zones()
    {
        var impact = Run(NewPlants);
        Households(impact, ("A", 120), ("B", 80), (null, 100));
        // A: 10.83 × 0.5 + 12.5 = 17.915 øre/kWh → 17.915 × 4,000 / 100 × 1.25 = 895.75 DKK per household a year.
        Assert.Equal(895.75, impact.Zones.Single(z => z.ZoneId == "A").DiscountPerHouseholdDkk, 6);
        // Revenue taken: DSO 480,000 kWh × 5.415 øre + 320,000 kWh × 2.7075 øre = 25,992 + 8,664 = 34,656 DKK; Energinet 480,000 × 12.5 øre = 60,000 DKK.
        Assert.Equal(34_656, impact.Revenue.Single(r => r.Component == PriceComponent.DsoTariff).DkkPerYear, 6);
        Assert.Equal(60_000, impact.Revenue.Single(r => r.Component == PriceComponent.EnerginetTariffs).DkkPerYear, 6);
        // Kept neutral by the 100 households outside (400,000 kWh): 94,656 × 100 / 400,000 = 23.664 øre/kWh before VAT,
        // 23.664 × 40 × 1.25 = 1,183.2 DKK a year more for a household outside.
        Assert.Equal(23.664, impact.UpliftOrePerKwh!.Value, 9);
        Assert.Equal(1_183.2, impact.OutsideHouseholdDkkPerYear!.Value, 6);
        // Municipality 101 only pays: −1,183.2 per household; 147 only saves: (120 × 895.75 + 80 × 135.375) / 200 = 591.6.
        Assert.Equal(-1_183.2, impact.Municipalities.Single(x => x.Code == 101).NetDkkPerHousehold, 6);
        Assert.Equal((120 * 895.75 + 80 * 135.375) / 200, impact.Municipalities.Single(x => x.Code == 147).NetDkkPerHousehold, 6);
    }

    [Fact]
    public void Every_plant_old_or_new_zones_everyone_and_leaves_nobody_to_pay()
    {
        var impact = Run(AllPlants);
        // The old turbine puts municipality 101's 100 households in zone A too: nobody is outside, the revenue cannot be recovered.
        Households(impact, ("A", 220), ("B", 80), (null, 0));
        Assert.Null(impact.UpliftOrePerKwh);
    }

    [Fact]
    public void A_planned_plant_makes_a_zone_and_one_without_a_date_does_not()
    {
        var filter = NewPlants.CoveredPlants;
        Assert.True(filter.Covers(Plants[0] with { ConnectedOn = null, Status = PlantStatus.Planned }));
        Assert.False(filter.Covers(Plants[0] with { ConnectedOn = null }));
        // Known only to the year: 2020 starts before 1 June 2020, so it does not count; 2021 does.
        Assert.False(filter.Covers(Plants[0] with { ConnectedOn = new DateOnly(2020, 1, 1), ConnectedOnPrecision = DatePrecision.Year }));
        Assert.True(filter.Covers(Plants[0] with { ConnectedOn = new DateOnly(2021, 1, 1), ConnectedOnPrecision = DatePrecision.Year }));
    }

    [Fact]
    public async Task The_service_zones_a_scenario_once_per_data_edition()
    {
        var cache = new ProposalImpactCache();
        var first = await cache.GetAsync("v1", "zones|a", () => Task.FromResult(new[] { 1 }));
        var again = await cache.GetAsync("v1", "zones|a", () => Task.FromResult(new[] { 2 }));
        Assert.Same(first, again);
        Assert.Equal(1, cache.Computations);
        // A new data edition: computed again.
        var next = await cache.GetAsync("v2", "zones|a", () => Task.FromResult(new[] { 3 }));
        Assert.Equal(3, Assert.Single(next));
        Assert.Equal(2, cache.Computations);
    }

    private static void Households(ProposalImpact impact, params (string? Zone, long Households)[] expected) =>
        Assert.Equal(expected.Select(e => e.Households), expected.Select(e => impact.Zones.Single(z => z.ZoneId == e.Zone).Households));
}
