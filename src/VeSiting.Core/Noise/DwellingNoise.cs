namespace VeSiting.Core.Noise;

/// <summary>How a dwelling fares under the noise order.</summary>
public enum NoiseVerdict
{
    /// <summary>Within every limit, the low-frequency one included.</summary>
    Complies,
    /// <summary>Over a limit at 6 or 8 m/s, outdoors or indoors at low frequency.</summary>
    Exceeds,
    /// <summary>Within the outdoor limits, but the low-frequency level cannot be computed (a turbine without a 1/3-octave spectrum): never a pass.</summary>
    LowFrequencyNotAssessable,
}

/// <summary>
/// One dwelling's noise: the total from all turbines that can matter at 6 and 8 m/s, the planned project's part, the limits of its
/// area, the margins (limit − level; negative is over), the low-frequency indoor level where assessable, the verdict and why.
/// </summary>
public sealed record DwellingNoise(
    NoiseArea Area,
    double Level8, double Level6,
    double? PlannedLevel8, double? PlannedLevel6,
    double Limit8, double Limit6,
    double? LowFrequency8, double? LowFrequency6, double LowFrequencyLimit,
    int Turbines, bool Estimated,
    NoiseVerdict Verdict,
    IReadOnlyList<Reason> Reasons)
{
    /// <summary>Limit − level at 8 m/s (dB; negative: over the limit). +∞ without turbines.</summary>
    public double Margin8 => Limit8 - Level8;
    public double Margin6 => Limit6 - Level6;
    public double? LowFrequencyMargin => LowFrequency8 is { } l8 && LowFrequency6 is { } l6 ? LowFrequencyLimit - Math.Max(l8, l6) : null;
    public bool Over8 => Level8 > Limit8;
    public bool Over6 => Level6 > Limit6;
    public bool OverLowFrequency => LowFrequencyMargin < 0;
    public bool Complies => Verdict == NoiseVerdict.Complies;

    /// <summary>Judges the noise at a point against the limits of its area.</summary>
    public static DwellingNoise Judge(NoiseAtPoint noise, NoiseArea area, NoiseRules rules, bool hasPlanned)
    {
        var sensitive = area.IsNoiseSensitive;
        var limit8 = sensitive ? rules.LimitNoiseSensitive8 : rules.LimitOpenCountry8;
        var limit6 = sensitive ? rules.LimitNoiseSensitive6 : rules.LimitOpenCountry6;
        var lfLimit = rules.LimitLowFrequencyIndoor;
        var areaName = AreaReason(area);
        var reasons = new List<Reason>();
        if (noise.Turbines == 0)
        {
            reasons.Add(Reason.Of("noise.no-turbine-within-reach", ("area", areaName)));
            return new DwellingNoise(area, double.NegativeInfinity, double.NegativeInfinity, hasPlanned ? double.NegativeInfinity : null, hasPlanned ? double.NegativeInfinity : null,
                limit8, limit6, null, null, lfLimit, 0, false, NoiseVerdict.Complies, reasons);
        }
        var (l8, l6) = (Round(noise.Level8), Round(noise.Level6));
        var over = false;
        foreach (var (speed, level, limit) in new[] { (8, l8, limit8), (6, l6, limit6) })
        {
            if (level > limit)
            {
                over = true;
                reasons.Add(Reason.Of("noise.over-limit", ("level", level), ("speed", speed), ("area", areaName), ("limit", limit), ("excess", Round(level - limit))));
            }
        }
        if (!over)
            reasons.Add(Reason.Of("noise.within-limits", ("level8", l8), ("level6", l6), ("area", areaName), ("limit8", limit8), ("limit6", limit6)));
        double? lf8 = noise.LowFrequencyLevel8 is { } a ? Round(a) : null;
        double? lf6 = noise.LowFrequencyLevel6 is { } b ? Round(b) : null;
        var lfOver = false;
        if (lf8 is { } f8 && lf6 is { } f6)
        {
            var worst = Math.Max(f8, f6);
            lfOver = worst > lfLimit;
            reasons.Add(Reason.Of(lfOver ? "noise.low-frequency-over" : "noise.low-frequency-within", ("level", worst), ("limit", lfLimit)));
        }
        else
        {
            reasons.Add(Reason.Of("noise.low-frequency-not-assessable", ("turbines", noise.TurbinesWithoutLowFrequency)));
        }
        if (noise.EstimatedTurbines > 0)
            reasons.Add(Reason.Of("noise.estimated-sound-power", ("turbines", noise.EstimatedTurbines)));
        var verdict = over || lfOver ? NoiseVerdict.Exceeds : lf8 is null ? NoiseVerdict.LowFrequencyNotAssessable : NoiseVerdict.Complies;
        return new DwellingNoise(area, l8, l6,
            hasPlanned ? Round(noise.PlannedLevel8) : null, hasPlanned ? Round(noise.PlannedLevel6) : null,
            limit8, limit6, lf8, lf6, lfLimit, noise.Turbines, noise.EstimatedTurbines > 0, verdict, reasons);
    }

    private static Reason AreaReason(NoiseArea area) => area switch
    {
        { FromLayer: false } => Reason.Of("noise.area-open-country-default"),
        { Kind: NoiseAreaKind.OpenCountry } => Reason.Of("noise.area-open-country"),
        _ => Reason.Of("noise.area-noise-sensitive", ("name", area.Name ?? "")),
    };

    /// <summary>Levels are reported and compared to one decimal, as noise reports state them.</summary>
    private static double Round(double level) => double.IsFinite(level) ? Math.Round(level, 1, MidpointRounding.AwayFromZero) : level;
}
