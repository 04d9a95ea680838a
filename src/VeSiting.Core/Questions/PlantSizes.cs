namespace VeSiting.Core.Questions;

/// <summary>
/// Plausibility of a planned plant's sizes (hub height, rotor diameter, capacity), the same wherever a layout is given:
/// a request body, a layout file, or the command line's options. Ranges from <see cref="InputLimits"/>.
/// </summary>
public static class PlantSizes
{
    public const string HubHeight = "hub_height_m";
    public const string RotorDiameter = "rotor_diameter_m";
    public const string CapacityKw = "capacity_kw";
    public const string CapacityMw = "capacity_mw";

    private static readonly Dictionary<string, (double Min, double Max, bool PositiveOnly)> Ranges = new(StringComparer.Ordinal)
    {
        [HubHeight] = (0, InputLimits.MaxHubHeightM, true),
        [RotorDiameter] = (0, InputLimits.MaxRotorDiameterM, false),
        [CapacityKw] = (0, InputLimits.MaxCapacityKw, false),
        [CapacityMw] = (0, InputLimits.MaxCapacityKw / 1000, false),
    };

    public static IEnumerable<string> Names => Ranges.Keys;

    /// <summary>Null when <paramref name="value"/> is a plausible <paramref name="name"/>, else the reason.</summary>
    public static string? Problem(string name, double value) => Because(name, value)?.Text;

    /// <summary>Null when <paramref name="value"/> is a plausible <paramref name="name"/>, else the reason as a code and values.</summary>
    public static Reason? Because(string name, double value)
    {
        var (min, max, positiveOnly) = Ranges[name];
        if (!double.IsFinite(value))
            return Reason.Of("value.not-finite-number", ("value", ValueText.Echo(F(value))));
        return value < min || value > max || (positiveOnly && value <= 0)
            ? Reason.Of(positiveOnly ? "size.not-within-above" : "size.not-within", ("value", F(value)), ("min", min), ("max", max)) : null;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
