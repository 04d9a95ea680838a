using VeSiting.Core.Domain;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Tests.Tariffs;

/// <summary>
/// Prices worked out by hand (calculator arithmetic) for the 2026 household stack:
/// DSO = 0.07×10.83 + 0.27×16.25 + 0.11×42.25 + 0.08×10.83 + 0.32×32.50 + 0.15×97.51 = 35.686 øre/kWh;
/// ex VAT 60 + 5 + 35.686 + 12.5 + 0.8 = 113.986; incl. 25 % VAT 142.4825 øre/kWh; 4,000 kWh → 5,699.30 DKK.
/// Zone A (½ DSO, all Energinet): ex VAT 83.643; incl. VAT 104.55375 øre/kWh; 4,000 kWh → 4,182.15 DKK.
/// </summary>
public sealed class TariffTests
{
    private static readonly PriceStack Stack2026 = TestPrices.Stack2026;

    private static readonly ConsumptionProfile Household = new ConsumptionProfile("household", "household", 4000,
        new TimeOfUseShares(new TimeOfUse(0.07, 0.27, 0.11), new TimeOfUse(0.08, 0.32, 0.15))).Validated();

    [Fact]
    public void A_household_pays_the_hand_computed_price_without_a_zone()
    {
        var price = PriceCalculator.Price(Stack2026, Household);
        Assert.Equal(35.686, price.ComponentsOrePerKwh[PriceComponent.DsoTariff], 1e-9);
        Assert.Equal(113.986, price.ExVatOrePerKwh, 1e-9);
        Assert.Equal(1.424825, price.DkkPerKwh, 1e-9);
        Assert.Equal(5699.30, price.AnnualDkk, 1e-6);
    }

    [Fact]
    public void Zone_A_discounts_half_the_DSO_tariff_and_all_of_Energinet()
    {
        var discounts = new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.5, [PriceComponent.EnerginetTariffs] = 1.0 };
        var price = PriceCalculator.Price(Stack2026, Household, discounts);
        Assert.Equal(83.643, price.ExVatOrePerKwh, 1e-9);
        Assert.Equal(4182.15, price.AnnualDkk, 1e-6);
        Assert.Equal(12.5, price.DiscountsOrePerKwh[PriceComponent.EnerginetTariffs], 1e-9);
    }

    [Fact]
    public void A_firm_gives_its_own_time_of_use_split()
    {
        // 60 % night, 30 % day, 10 % peak over the whole year (183 summer and 182 winter days):
        // DSO = 183/365 × (0.6×10.83 + 0.3×16.25 + 0.1×42.25) + 182/365 × (0.6×10.83 + 0.3×32.50 + 0.1×97.51) = 20.7842521 øre/kWh.
        var firm = new ConsumptionProfile("firm", "greenhouse", 1_200_000, TimeOfUseShares.Uniform(0.6, 0.3, 0.1)).Validated();
        Assert.Equal(20.7842521, PriceCalculator.Price(Stack2026, firm).ComponentsOrePerKwh[PriceComponent.DsoTariff], 1e-6);
    }

    [Fact]
    public void Profiles_whose_shares_do_not_sum_to_one_are_refused()
    {
        var bad = new ConsumptionProfile("bad", "bad", 4000, new TimeOfUseShares(new TimeOfUse(0.5, 0.5, 0.5), new TimeOfUse(0, 0, 0)));
        Assert.Throws<ArgumentException>(() => bad.Validated());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Household with { AnnualKwh = -1 }).Validated());
    }

    private static TariffScenario Scenario(ZoneBasis basis, params TariffZone[] zones) => new()
    {
        Id = "s",
        Version = "1",
        Title = "s",
        Basis = basis,
        WeightingRadiusM = 15_000,
        Zones = zones,
        CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine, PlantKind.SolarPark }, new HashSet<PlantStatus>(), 25, 500),
        Sha256 = new string('c', 64),
        File = "s.json",
    };

    private static readonly Dictionary<PriceComponent, double> None = [];

    private static PlantDistance At(double distance, double mw, double hub = 95, double rotor = 110) =>
        new(PlannedPlants.Turbine($"p{distance}", 600000, 6200000, hub, rotor, mw * 1000), distance);

    [Theory]
    [InlineData(1500, "A")]
    [InlineData(2000, "A")]
    [InlineData(2000.5, "B")]
    [InlineData(9999, "C")]
    [InlineData(12000, null)]
    public void Banded_zones_follow_the_nearest_covered_plant(double distance, string? zone)
    {
        var scenario = Scenario(ZoneBasis.Distance,
            new TariffZone("A", "2 km", 2000, null, null, None), new TariffZone("B", "5 km", 5000, null, null, None), new TariffZone("C", "10 km", 10000, null, null, None));
        Assert.Equal(zone, ZoneResolver.Resolve(scenario, [At(distance, 4.2)]).Zone?.Id);
    }

    [Fact]
    public void Bands_in_multiples_of_H_use_each_plants_own_height()
    {
        var scenario = Scenario(ZoneBasis.Distance, new TariffZone("near", "10 × H", null, 10, null, None));
        Assert.Equal("near", ZoneResolver.Resolve(scenario, [At(1500, 4.2)]).Zone?.Id); // 1,500 m = 10 × 150 m
        Assert.Null(ZoneResolver.Resolve(scenario, [At(1501, 4.2)]).Zone);
        Assert.Null(ZoneResolver.Resolve(scenario, [At(100, 4.2, hub: 15, rotor: 10)]).Zone); // H = 20 m: not covered (< 25 m)
    }

    [Fact]
    public void Capacity_weighted_scores_add_up_capacity_fading_with_distance()
    {
        var scenario = Scenario(ZoneBasis.CapacityWeighted,
            new TariffZone("A", "≥ 50", null, null, 50, None), new TariffZone("B", "≥ 10", null, null, 10, None));
        // 40 MW at 3 km → 40 × (1 − 3/15) = 32; 30 MW at 7.5 km → 30 × 0.5 = 15; total 47 → B.
        var plants = new List<PlantDistance> { At(3000, 40), At(7500, 30) };
        var result = ZoneResolver.Resolve(scenario, plants);
        Assert.Equal("B", result.Zone?.Id);
        Assert.Equal(47, result.Score!.Value, 1e-9);
        // A 10 MW plant on the site adds 10 → 57 → A.
        Assert.Equal("A", ZoneResolver.Resolve(scenario, [.. plants, At(0, 10)]).Zone?.Id);
    }
}
