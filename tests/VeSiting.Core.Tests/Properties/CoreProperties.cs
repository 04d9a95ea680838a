using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Tests.Properties;

/// <summary>Properties of the geometry and rules core that must hold for any input (FsCheck).</summary>
public sealed class CoreProperties
{
    /// <summary>Points spread over Denmark in EPSG:25832.</summary>
    private static Arbitrary<(double E, double N)> DanishPoints() =>
        (from e in Gen.Choose(440_000, 890_000)
         from n in Gen.Choose(6_050_000, 6_400_000)
         from fe in Gen.Choose(0, 999)
         from fn in Gen.Choose(0, 999)
         select (e + fe / 1000.0, n + fn / 1000.0)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Distance_is_symmetric_and_never_negative() =>
        Prop.ForAll(DanishPoints(), DanishPoints(), (a, b) =>
        {
            var p = GeometryTransforms.Utm32Point(a.E, a.N);
            var q = GeometryTransforms.Utm32Point(b.E, b.N);
            return p.Distance(q) == q.Distance(p) && p.Distance(q) >= 0;
        });

    [Property(MaxTest = 300)]
    public Property Utm32_round_trips_stay_within_a_millimetre() =>
        Prop.ForAll(DanishPoints(), a =>
        {
            var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(a.E, a.N);
            var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
            return Math.Abs(e - a.E) < 0.001 && Math.Abs(n - a.N) < 0.001;
        });

    [Property(MaxTest = 500)]
    public Property The_VE_bonus_cap_is_never_exceeded(PositiveInt installedMw, PositiveInt households, NonNegativeInt kTenths) =>
        Prop.ToProperty(Check(new BonusCap(installedMw.Get * 1000.0, 0.015, kTenths.Get / 10.0, households.Get)));

    private static bool Check(BonusCap cap) =>
        cap.Households * cap.EffectiveKw <= cap.CapKw + 1e-6 || !cap.Applied
        && cap.EffectiveKw == cap.KPerHouseholdKw && cap.Households * cap.KPerHouseholdKw <= cap.CapKw + 1e-6;

    private static readonly PriceStack Stack = Tariffs.TestPrices.Stack2026;

    [Property(MaxTest = 500)]
    public Property A_price_is_never_negative_and_a_discount_never_raises_it(NonNegativeInt low, NonNegativeInt high, NonNegativeInt peak, int discountSeed)
    {
        var shares = low.Get + high.Get + peak.Get == 0 ? TimeOfUseShares.Uniform(1, 0, 0) : TimeOfUseShares.Uniform(low.Get, high.Get, peak.Get);
        var profile = new ConsumptionProfile("x", "x", 1000, shares);
        var random = new Random(discountSeed);
        var discounts = Enum.GetValues<PriceComponent>().ToDictionary(c => c, _ => random.NextDouble() * 1.5 - 0.25); // also outside 0–1
        var without = PriceCalculator.Price(Stack, profile);
        var with = PriceCalculator.Price(Stack, profile, discounts);
        return Prop.ToProperty(with.DkkPerKwh >= 0 && with.DkkPerKwh <= without.DkkPerKwh + 1e-12 && with.AnnualDkk >= 0);
    }

    private static readonly TariffScenario Banded = new()
    {
        Id = "b",
        Version = "1",
        Title = "b",
        Basis = ZoneBasis.Distance,
        CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine }, new HashSet<PlantStatus>(), 25, 500),
        Zones =
        [
            new TariffZone("A", "2 km", 2000, null, null, new Dictionary<PriceComponent, double>()),
            new TariffZone("B", "5 km", 5000, null, null, new Dictionary<PriceComponent, double>()),
            new TariffZone("C", "10 km", 10000, null, null, new Dictionary<PriceComponent, double>()),
        ],
        Sha256 = new string('b', 64),
        File = "b.json",
    };

    [Property(MaxTest = 500)]
    public Property Zones_never_get_better_further_away(NonNegativeInt near, NonNegativeInt extra)
    {
        var plant = PlannedPlants.Turbine("t", 600_000, 6_200_000, 95, 110);
        int Rank(double d) => ZoneResolver.Resolve(Banded, [new PlantDistance(plant, d)]).Zone?.Id switch { "A" => 0, "B" => 1, "C" => 2, _ => 3 };
        var d1 = near.Get % 15_000;
        var d2 = d1 + extra.Get % 15_000;
        return Prop.ToProperty(Rank(d2) >= Rank(d1));
    }
}
