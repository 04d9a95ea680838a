using VeSiting.Core.Domain;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tariffs.Impact;
using VeSiting.Core.Tests.Suitability;

namespace VeSiting.Core.Tests.Tariffs;

/// <summary>
/// The proposal's impact on a hand-made case: one covered turbine at (600,000, 6,200,000), H = 60 + 80 / 2 = 100 m,
/// 3 MW; zone A within 1 km (half the DSO tariff, all of Energinet's tariffs), zone B within 3 km (a quarter of the DSO
/// tariff). Households use 4,000 kWh a year, all at night (lavlast: 10.83 øre/kWh in both seasons). Price stack
/// <see cref="TestPrices.Stack2026"/>: Energinet 12.5 øre/kWh, VAT 25 %.
/// </summary>
public sealed class ProposalImpactTests
{
    private static readonly TariffScenario TwoZones = new()
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
        Sha256 = new string('c', 64),
        File = "two-zones.json",
    };

    private static readonly ConsumptionProfile Night = new("household", "night", 4000, TimeOfUseShares.Uniform(1, 0, 0));

    private static readonly Plant[] Turbine = [SitingEngineTests.Turbine("t", 600_000, 6_200_000, 3000)];

    /// <summary>
    /// Municipality 101: 50 access addresses of 2 households 500 m east of the turbine (zone A: 100 households) and 200
    /// of 1 household 2 km north (zone B); municipality 147: 150 of 2 households 10 km west (outside, 300 households),
    /// and a firm there using 1,000,000 kWh (outside).
    /// </summary>
    private static ProposalImpact Case()
    {
        var x = new List<double>(); var y = new List<double>(); var m = new List<int>(); var h = new List<int>();
        void Add(int n, double e, double north, int code, int homes) { for (var i = 0; i < n; i++) { x.Add(e); y.Add(north); m.Add(code); h.Add(homes); } }
        Add(50, 600_500, 6_200_000, 101, 2);
        Add(200, 600_000, 6_202_000, 101, 1);
        Add(150, 590_000, 6_200_000, 147, 2);
        var households = new ImpactHouseholds([.. x], [.. y], [.. m], [.. h], false,
            new Dictionary<int, string> { [101] = "from the unit addresses", [147] = "one household per access address" });
        var firms = new[] { new ImpactFirm("f", 590_100, 6_200_000, 147, 1_000_000) };
        return new ProposalImpactCalculator(TwoZones, TestPrices.Stack2026, Night)
            .Compute("test", Turbine, households, firms, new Dictionary<int, string> { [101] = "København", [147] = "Frederiksberg" });
    }

    [Fact]
    public void Each_zone_has_its_households_consumption_and_discount()
    {
        var impact = Case();
        var a = impact.Zones.Single(z => z.ZoneId == "A");
        var b = impact.Zones.Single(z => z.ZoneId == "B");
        var outside = impact.Zones.Single(z => z.ZoneId is null);
        Assert.Equal((100L, 300L), (a.Households, outside.Households));
        Assert.Equal(200, b.Households);
        Assert.Equal(400_000, a.HouseholdKwh);                   // 100 × 4,000
        Assert.Equal((0, 1), (a.Firms, outside.Firms));
        Assert.Equal(1_000_000, outside.FirmKwh);
        // Zone A: 10.83 × 0.5 + 12.5 × 1 = 17.915 øre/kWh; × 4,000 kWh / 100 × 1.25 VAT = 895.75 DKK per household, × 100 = 89,575.
        Assert.Equal(17.915, a.DiscountOrePerKwh, 9);
        Assert.Equal(895.75, a.DiscountPerHouseholdDkk, 6);
        Assert.Equal(89_575, a.DiscountDkkPerYear, 6);
        // Zone B: 10.83 × 0.25 = 2.7075 øre/kWh → 2.7075 × 40 × 1.25 = 135.375 DKK per household, × 200 = 27,075.
        Assert.Equal(135.375, b.DiscountPerHouseholdDkk, 6);
        Assert.Equal(27_075, b.DiscountDkkPerYear, 6);
        Assert.Equal(0, outside.DiscountDkkPerYear);
    }

    [Fact]
    public void Who_pays_the_revenue_the_discounts_take_uniformly_per_kWh()
    {
        var impact = Case();
        // DSO: 400,000 kWh × 5.415 øre + 800,000 kWh × 2.7075 øre = 21,660 + 21,660 = 43,320 DKK; Energinet: 400,000 × 12.5 øre = 50,000 DKK.
        Assert.Equal(43_320, impact.Revenue.Single(r => r.Component == PriceComponent.DsoTariff).DkkPerYear, 6);
        Assert.Equal(50_000, impact.Revenue.Single(r => r.Component == PriceComponent.EnerginetTariffs).DkkPerYear, 6);
        Assert.Equal(93_320, impact.RevenueTakenDkkPerYear, 6);
        // Spread over the 300 × 4,000 + 1,000,000 = 2,200,000 kWh outside: 93,320 × 100 / 2,200,000 = 4.241818… øre/kWh before VAT;
        // a household outside pays 4.241818 × 40 × 1.25 = 212.0909 DKK a year more.
        Assert.Equal(93_320.0 * 100 / 2_200_000, impact.UpliftOrePerKwh!.Value, 9);
        Assert.Equal(93_320.0 * 100 / 2_200_000 * 40 * 1.25, impact.OutsideHouseholdDkkPerYear!.Value, 6);
    }

    [Fact]
    public void Municipalities_net_the_savings_against_the_uplift_and_state_their_basis()
    {
        var impact = Case();
        var inner = impact.Municipalities.Single(m => m.Code == 101);
        var outer = impact.Municipalities.Single(m => m.Code == 147);
        // 101: 300 households all zoned, saving 89,575 + 27,075 = 116,650 DKK, paying none: 388.83 DKK per household.
        Assert.Equal((300L, 300L), (inner.Households, inner.ZonedHouseholds));
        Assert.Equal(116_650 / 300.0, inner.NetDkkPerHousehold, 6);
        // 147: 300 households outside, each paying 212.0909 DKK: −212.0909 net.
        Assert.Equal(300 * 212.0909090909, outer.UpliftDkkPerYear, 3);
        Assert.Equal(-93_320.0 * 100 / 2_200_000 * 40 * 1.25, outer.NetDkkPerHousehold, 6);
        Assert.Equal("from the unit addresses", inner.HouseholdBasis);
        Assert.False(impact.Synthetic);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_zoner_agrees_with_the_zone_resolver_at_random_points(bool weighted)
    {
        var random = new Random(7);
        var plants = Enumerable.Range(0, 60).Select(i => SitingEngineTests.Turbine($"t{i}", 590_000 + random.NextDouble() * 30_000, 6_190_000 + random.NextDouble() * 30_000,
            random.Next(500, 4000), 40 + random.Next(0, 80), 40 + random.Next(0, 100))).ToList();
        var scenario = weighted
            ? TwoZones with
            {
                Basis = ZoneBasis.CapacityWeighted,
                WeightingRadiusM = 8000,
                Zones = [TwoZones.Zones[0] with { MaxDistanceM = null, MinScore = 10 }, TwoZones.Zones[1] with { MaxDistanceM = null, MinScore = 2 }],
            }
            : TwoZones with { Zones = [TwoZones.Zones[0] with { MaxDistanceM = null, MaxMultipleOfH = 8 }, TwoZones.Zones[1]] };
        var zoner = new ScenarioZoner(scenario, plants);
        var xs = new double[2000];
        var ys = new double[2000];
        var expected = new string?[2000];
        for (var k = 0; k < 2000; k++)
        {
            double x = 580_000 + random.NextDouble() * 50_000, y = 6_180_000 + random.NextDouble() * 50_000;
            (xs[k], ys[k]) = (x, y);
            var near = plants.Select(p => new PlantDistance(p, Math.Sqrt(Math.Pow(p.Geometry.Coordinate.X - x, 2) + Math.Pow(p.Geometry.Coordinate.Y - y, 2))))
                .Where(p => p.DistanceM <= scenario.SearchRadiusM);
            expected[k] = ZoneResolver.Resolve(scenario, near).Zone?.Id;
            var got = zoner.ZoneAt(x, y);
            Assert.Equal(expected[k], got < 0 ? null : scenario.Zones[got].Id);
        }
        // All points at once, by cells of points on two threads: the same zones.
        Assert.Equal(expected, zoner.ZoneAll(xs, ys, 2).Select(z => z < 0 ? null : scenario.Zones[z].Id));
    }
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Zoning_all_points_by_cells_equals_zoning_each_point_alone_with_solar_park_polygons(bool weighted)
    {
        // Dense points (many cells wholly in one zone, many across a zone's edge) around turbines and L-shaped solar parks, whose
        // distance is to the polygon (ZoneAt measures it exactly, point by point; ZoneAll bounds whole cells first).
        var random = new Random(11);
        var factory = NetTopologySuite.Geometries.GeometryFactory.Default;
        var plants = Enumerable.Range(0, 25).Select(i => SitingEngineTests.Turbine($"t{i}", 590_000 + random.NextDouble() * 20_000, 6_190_000 + random.NextDouble() * 20_000,
            random.Next(500, 4000), 40 + random.Next(0, 80), 40 + random.Next(0, 100))).ToList();
        for (var k = 0; k < 6; k++)
        {
            double e = 590_000 + random.NextDouble() * 20_000, n = 6_190_000 + random.NextDouble() * 20_000;
            var shape = factory.CreatePolygon([new(e, n), new(e + 900, n), new(e + 900, n + 300), new(e + 300, n + 300), new(e + 300, n + 900), new(e, n + 900), new(e, n)]);
            plants.Add(SitingEngineTests.Turbine($"s{k}", e, n, 5000) with { Id = $"s{k}", Kind = PlantKind.SolarPark, Geometry = shape, HubHeightM = null, RotorDiameterM = null });
        }
        var withSolar = TwoZones with { CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine, PlantKind.SolarPark }, new HashSet<PlantStatus>(), 25, 500) };
        var scenario = weighted
            ? withSolar with
            {
                Basis = ZoneBasis.CapacityWeighted,
                WeightingRadiusM = 6000,
                Zones = [TwoZones.Zones[0] with { MaxDistanceM = null, MinScore = 8 }, TwoZones.Zones[1] with { MaxDistanceM = null, MinScore = 2 }],
            }
            : withSolar with { Zones = [TwoZones.Zones[0] with { MaxDistanceM = 1500, MaxMultipleOfH = 8 }, TwoZones.Zones[1]] };
        var zoner = new ScenarioZoner(scenario, plants);
        var xs = new double[20_000];
        var ys = new double[20_000];
        for (var k = 0; k < xs.Length; k++)
            (xs[k], ys[k]) = (585_000 + random.NextDouble() * 30_000, 6_185_000 + random.NextDouble() * 30_000);

        var each = xs.Select((x, k) => zoner.ZoneAt(x, ys[k])).ToArray();
        var all = zoner.ZoneAll(xs, ys, 2);

        Assert.Equal(each, all);
        Assert.True(each.Distinct().Count() == 3, "the points should fall in both zones and outside"); // A, B and −1
    }

    [Fact]
    public void The_household_basis_of_each_municipality_is_a_reason_in_danish_and_english()
    {
        var households = new ImpactHouseholds([600_500, 590_000], [6_200_000, 6_200_000], [101, 147], [1, 1], true, new Dictionary<int, string>())
            .WithBasis(new Dictionary<int, Core.Explanations.Reason> { [101] = Core.Explanations.Reason.Of("impact.basis-synthetic", ("persons", 2.13)) });

        var impact = new ProposalImpactCalculator(TwoZones, TestPrices.Stack2026, Night)
            .Compute("test", Turbine, households, [], new Dictionary<int, string> { [101] = "København", [147] = "Frederiksberg" });

        var given = impact.Municipalities.Single(m => m.Code == 101);
        Assert.Equal("synthetic: municipal population / 2.13 persons per dwelling, one household each, placed at random in the municipality", given.HouseholdBasis);
        Assert.Equal("syntetisk: kommunens befolkning / 2,13 personer pr. bolig, én husstand i hver, placeret tilfældigt i kommunen",
            given.HouseholdBasisReason.Render(Core.Explanations.MessageCatalogue.Danish));
        // A municipality the counting gave no basis for: synthetic dwellings, said in either language.
        var missing = impact.Municipalities.Single(m => m.Code == 147);
        Assert.Equal(("synthetic dwellings", "syntetiske boliger"), (missing.HouseholdBasis, missing.HouseholdBasisReason.Render(Core.Explanations.MessageCatalogue.Danish)));
    }
}
