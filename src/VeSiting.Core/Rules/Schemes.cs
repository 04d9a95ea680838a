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
    public const string ShadowFlicker = "shadow-flicker";

    public static IReadOnlyList<string> All { get; } = [MinimumDistance, SalesOption, VeBonus, LossOfValue, GreenPool, PlantEligibility, Estimates, ShadowFlicker];
}
