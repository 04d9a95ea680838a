namespace VeSiting.Core.Rules;

/// <summary>The scheme names rule sets declare.</summary>
public static class Schemes
{
    public const string MinimumDistance = "minimum-distance";
    public const string SalesOption = "sales-option";
    public const string VeBonus = "ve-bonus";
    public const string LossOfValue = "loss-of-value";
    public const string GreenPool = "green-pool";
    public const string PlantEligibility = "plant-eligibility";
    public const string Estimates = "estimates";
    /// <summary>How the source data are read (e.g. a turbine's own address); not law.</summary>
    public const string DataReading = "data-reading";
    /// <summary>The noise order's limits and method; judged on the day of the answer, not by permit date.</summary>
    public const string Noise = "noise";
    /// <summary>Assumptions for noise where data is missing (sound power estimate, spectrum shape, cut-off): not law.</summary>
    public const string NoiseEstimates = "noise-estimates";
    /// <summary>Shadow flicker: the planning guidance's recommendation and the calculation's conventions; not by permit date.</summary>
    public const string ShadowFlicker = "shadow-flicker";

    public static IReadOnlyList<string> All { get; } = [MinimumDistance, SalesOption, VeBonus, LossOfValue, GreenPool, PlantEligibility, Estimates, DataReading, Noise, NoiseEstimates, ShadowFlicker];

    /// <summary>Whether the scheme's rules change with the building permit date (the money schemes do; estimates, data reading, noise and flicker do not).</summary>
    public static bool DependsOnPermitDate(string scheme) => scheme is not (Estimates or DataReading or Noise or NoiseEstimates or ShadowFlicker);
}
