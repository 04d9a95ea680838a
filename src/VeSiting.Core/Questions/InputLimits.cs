namespace VeSiting.Core.Questions;

/// <summary>
/// Plausibility ranges of the values a question carries, the same for the service and the command line (README's
/// limits section). They guard the arithmetic (a bill of 1e308 kWh overflows) and are not legal numbers; those come
/// from the rule set.
/// </summary>
public static class InputLimits
{
    /// <summary>Annual consumption of a site, kWh (a large industrial site uses a few hundred GWh).</summary>
    public const double MaxAnnualKwh = 1e10;
    public const double MaxHubHeightM = 300;
    public const double MaxRotorDiameterM = 350;
    /// <summary>Capacity of one turbine or solar area, kW (2 GW).</summary>
    public const double MaxCapacityKw = 2_000_000;
    /// <summary>A siting grid's cell size, metres.</summary>
    public const double MinCellM = 100;
    public const double MaxCellM = 50_000;
    /// <summary>Longest name of a planned project, characters.</summary>
    public const int MaxProjectNameLength = 200;
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    /// <summary>The earliest calendar year of a shadow-flicker calendar (the sun's tables reach back further than any price year).</summary>
    public const int MinFlickerYear = 1900;
}
