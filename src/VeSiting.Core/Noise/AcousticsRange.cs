namespace VeSiting.Core.Noise;

/// <summary>
/// The sound power a turbine can plausibly have (the <c>noise-estimates</c> rule set): a total L_WA outside
/// <see cref="MinimumLwa"/>–<see cref="MaximumLwa"/> dB(A), or a band level outside <see cref="MinimumBandLevel"/>–<see cref="MaximumLwa"/>,
/// is an input error, and the refusal quotes the range and the rule set it came from.
/// </summary>
public sealed record AcousticsRange(double MinimumLwa, double MaximumLwa, double MinimumBandLevel, string RuleSet)
{
    public const string MinimumLwaKey = "lwaPlausibleMinimum", MaximumLwaKey = "lwaPlausibleMaximum", MinimumBandLevelKey = "bandLevelPlausibleMinimum";

    /// <summary>The range in force on <paramref name="judgedOn"/>.</summary>
    /// <exception cref="RulePeriodException">No noise-estimates rule set covers the date.</exception>
    public static AcousticsRange From(RuleBook book, DateOnly judgedOn) => From(book.Require(Schemes.NoiseEstimates, judgedOn));

    public static AcousticsRange From(RuleSet estimates) =>
        new(estimates[MinimumLwaKey].Value, estimates[MaximumLwaKey].Value, estimates[MinimumBandLevelKey].Value, $"{estimates.Id} {estimates.Version}");

    /// <summary>What lies outside the range (field name and reason), or null. Checks values only; see <see cref="TurbineAcoustics.ShapeProblem"/> for the shape.</summary>
    public (string Field, Reason Reason)? Problem(double? lwa6, double? lwa8, IReadOnlyList<double>? octaves8, IReadOnlyList<double>? thirds8)
    {
        foreach (var (field, value) in new[] { (TurbineAcoustics.Lwa6Field, lwa6), (TurbineAcoustics.Lwa8Field, lwa8) })
        {
            if (value is { } v && (double.IsNaN(v) || v < MinimumLwa || v > MaximumLwa))
                return (field, Reason.Of("import.lwa-outside", ("value", v), ("min", MinimumLwa), ("max", MaximumLwa), ("ruleSet", RuleSet)));
        }
        foreach (var (field, spectrum) in new[] { (TurbineAcoustics.OctavesField, octaves8), (TurbineAcoustics.ThirdsField, thirds8) })
        {
            foreach (var v in spectrum ?? [])
            {
                if (double.IsNaN(v) || v < MinimumBandLevel || v > MaximumLwa)
                    return (field, Reason.Of("import.band-outside", ("value", v), ("min", MinimumBandLevel), ("max", MaximumLwa), ("ruleSet", RuleSet)));
            }
        }
        return null;
    }

    public (string Field, Reason Reason)? Problem(TurbineAcoustics acoustics) =>
        Problem(acoustics.Lwa6, acoustics.Lwa8, acoustics.Octaves8, acoustics.LowFrequencyThirds8);
}
