using System.Globalization;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>How numbers read in the siting answers' reasons (invariant culture, at most two decimals).</summary>
internal static class WhyText
{
    public static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Show(double? value, string unit) => value is { } v ? $"{F(v)} {unit}" : "unknown";
}
