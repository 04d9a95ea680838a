namespace VeSiting.Core.Rules;

/// <summary>The 1.5 % cap on a project's VE-bonus: Σ k over households ≤ cap share × installed kW.</summary>
public sealed record BonusCap(double InstalledKw, double CapShare, double KPerHouseholdKw, int Households)
{
    public double CapKw => CapShare * InstalledKw;

    /// <summary>Whole households that fit under the cap at full k.</summary>
    public int HouseholdsAtFullK => KPerHouseholdKw <= 0 ? 0 : (int)Math.Floor(CapKw / KPerHouseholdKw + 1e-9);

    public bool Applied => Households * KPerHouseholdKw > CapKw + 1e-9;

    /// <summary>k after the pro-rata cut (unchanged when the cap is not reached).</summary>
    public double EffectiveKw => Applied ? CapKw / Households : KPerHouseholdKw;

    public double CutFactor => KPerHouseholdKw <= 0 ? 1 : EffectiveKw / KPerHouseholdKw;
}

/// <summary>VE-bonus per household and year: (k / installed kW) × annual production kWh × price DKK/kWh.</summary>
public static class VeBonus
{
    public static double PerHousehold(double kKw, double installedKw, double annualKwh, double priceDkkPerKwh)
    {
        if (installedKw <= 0)
            throw new ArgumentOutOfRangeException(nameof(installedKw), installedKw, "installed capacity must be positive");
        return kKw / installedKw * annualKwh * priceDkkPerKwh;
    }
}
