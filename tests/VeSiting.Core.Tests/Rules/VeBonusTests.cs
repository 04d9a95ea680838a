using VeSiting.Core.Rules;

namespace VeSiting.Core.Tests.Rules;

public sealed class VeBonusTests
{
    [Fact]
    public void Reproduces_the_published_worked_example()
    {
        // dk-ve-rules.md: 6.5 / 4,200 × 12,000,000 kWh × 0.25 DKK/kWh = 4,643 DKK.
        Assert.Equal(4643, Math.Round(VeBonus.PerHousehold(6.5, 4200, 12_000_000, 0.25)));
    }

    [Fact]
    public void A_10_MW_project_caps_k_at_150_kW_which_fits_23_households_at_full_k()
    {
        var cap = new BonusCap(InstalledKw: 10_000, CapShare: 0.015, KPerHouseholdKw: 6.5, Households: 23);
        Assert.Equal(150, cap.CapKw, 1e-9);
        Assert.Equal(23, cap.HouseholdsAtFullK); // 150 / 6.5 = 23.08
        Assert.False(cap.Applied);
        Assert.Equal(6.5, cap.EffectiveKw);
    }

    [Fact]
    public void Thirty_qualifying_households_are_cut_pro_rata()
    {
        // 30 × 6.5 = 195 kW > 150 kW: each household gets 150 / 30 = 5 kW.
        var cap = new BonusCap(10_000, 0.015, 6.5, 30);
        Assert.True(cap.Applied);
        Assert.Equal(5, cap.EffectiveKw, 1e-9);
        Assert.Equal(5 / 6.5, cap.CutFactor, 1e-12);
        // With the worked example's production and price on a 4.2 MW turbine the cut bonus is 5 / 4,200 × 12 GWh × 0.25 = 3,571.43 DKK.
        Assert.Equal(3571.43, Math.Round(VeBonus.PerHousehold(cap.EffectiveKw, 4200, 12_000_000, 0.25), 2));
    }

    [Fact]
    public void Installed_capacity_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VeBonus.PerHousehold(6.5, 0, 1, 1));
    }
}
