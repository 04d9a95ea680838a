namespace VeSiting.Api.Hosting.Validation;

/// <summary>
/// Plausibility ranges of request values (query strings and bodies alike), documented in README's limits section.
/// They guard the arithmetic (a bill of 1e308 kWh overflows) and are not legal numbers; those come from the rule set.
/// </summary>
public static class InputRanges
{
    /// <summary>Annual consumption of a site, kWh (a large industrial site uses a few hundred GWh).</summary>
    public const double MaxAnnualKwh = 1e10;
    public const double MaxHubHeightM = 300;
    public const double MaxRotorDiameterM = 350;
    /// <summary>Capacity of one turbine or solar area, kW (2 GW).</summary>
    public const double MaxCapacityKw = 2_000_000;
    public const double MinCellM = 100;
    public const double MaxCellM = 50_000;
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    /// <summary>Largest offset into a collection's items.</summary>
    public const int MaxOffset = 10_000_000;
    /// <summary>Longest path and query the service reads (longer: 414), and the most header bytes (more: 431).</summary>
    public const int MaxUrlLength = 8_192;
    public const int MaxHeaderBytes = 32_768;
}
