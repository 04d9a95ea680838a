using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Core.Tests.Rules;

public sealed class GreenPoolTests
{
    private static readonly RuleBook Book = TestRules.Danish();

    [Fact]
    public void Onshore_wind_under_the_gron_ordning_pays_88000_per_MW()
    {
        // dk-ve-rules.md worked check: 2.3 MW onshore under grøn ordning → 202,400 DKK.
        var turbine = PlannedPlants.Turbine("t", 600000, 6200000, 80, 93, 2300);
        var (amount, _) = GreenPool.For(turbine, 2.3, new DateOnly(2015, 3, 1), Book, new Provenance());
        Assert.Equal(202_400, amount!.Dkk, 1e-6);
    }

    [Fact]
    public void A_30_MW_solar_park_permitted_from_July_2024_pays_3_75_million()
    {
        var solar = PlannedPlants.Turbine("s", 600000, 6200000, 1, 0) with { Kind = PlantKind.SolarPark, CapacityKw = 30_000 };
        var (amount, why) = GreenPool.For(solar, 30, new DateOnly(2024, 7, 1), Book, new Provenance());
        Assert.Equal(3_750_000, amount!.Dkk, 1e-6);
        Assert.Contains("125,000 DKK/MW", why.Text);
    }

    [Fact]
    public void Solar_was_not_covered_by_the_gron_ordning()
    {
        var solar = PlannedPlants.Turbine("s", 600000, 6200000, 1, 0) with { Kind = PlantKind.SolarPark };
        var (amount, why) = GreenPool.For(solar, 30, new DateOnly(2019, 1, 1), Book, new Provenance());
        Assert.Null(amount);
        Assert.Contains("pays nothing for solar", why.Text);
    }

    [Fact]
    public void Offshore_turbines_use_the_offshore_rate()
    {
        var offshore = PlannedPlants.Turbine("o", 430000, 6160000, 100, 150) with { Siting = Siting.Offshore };
        Assert.Equal(165_000 * 8.0, GreenPool.For(offshore, 8, new DateOnly(2022, 1, 1), Book, new Provenance()).Amount!.Dkk, 1e-6);
    }
}
