namespace VeSiting.Api.Hosting.Validation;

/// <summary>
/// One table of rules for query-string values, checked before any endpoint binds them: numbers finite and within
/// their range, whole numbers whole, dates real dates, flags true or false, and no parameter given twice unless it
/// is a list. A value breaking a rule is refused with its field and the reason, never replaced by a default.
/// </summary>
public static class QueryRules
{
    private static readonly HashSet<string> Lists = new(StringComparer.OrdinalIgnoreCase) { "scenario", "also" };

    private static readonly Dictionary<string, Func<string, string?>> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lat"] = v => Number(v, -90, 90, "a latitude"),
        ["lon"] = v => Number(v, -180, 180, "a longitude"),
        ["e"] = v => Number(v, -1e7, 1e8, "an easting in metres (EPSG:25832)"),
        ["n"] = v => Number(v, -1e7, 1e8, "a northing in metres (EPSG:25832)"),
        ["kwh"] = v => Number(v, double.Epsilon, InputLimits.MaxAnnualKwh, "an annual consumption in kWh", exclusiveMin: true),
        ["cell"] = v => Number(v, InputLimits.MinCellM, InputLimits.MaxCellM, SitingGridQuestion.CellWhat),
        ["separation"] = v => Number(v, 0, Core.Suitability.Places.DistinctSiteRule.MaxSeparationM, SitingGridQuestion.SeparationWhat),
        ["tolerance"] = v => Number(v, 0, Core.Suitability.Places.DistinctSiteRule.MaxTolerance, SitingGridQuestion.ToleranceWhat),
        ["year"] = v => Whole(v, InputLimits.MinYear, InputLimits.MaxYear, "a year"),
        ["limit"] = v => Whole(v, 1, int.MaxValue, "a count"),
        ["offset"] = v => Whole(v, 0, InputRanges.MaxOffset, "an offset"),
        ["municipality"] = v => Whole(v, 1, 9_999, "a municipality code"),
        ["synthetic"] = ValueText.Boolean,
        ["processRefund"] = ValueText.Boolean,
        ["permitDate"] = ValueText.StrictDate,
        ["permit_date"] = ValueText.StrictDate,
        [Languages.RequestLanguage.Parameter] = Languages.RequestLanguage.Problem,
    };

    /// <summary>The first broken rule as (field, reason), or null when every value is acceptable.</summary>
    public static (string Field, string Reason)? Check(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (values.Count > 1 && !Lists.Contains(name))
                return (name, $"given {values.Count} times; give it once");
            if (!Rules.TryGetValue(name, out var rule))
                continue;
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value))
                    return (name, "is empty; give a value or leave the parameter out");
                if (rule(value) is { } reason)
                    return (name, reason);
            }
        }
        return null;
    }

    private static string? Number(string value, double min, double max, string what, bool exclusiveMin = false) => ValueText.Number(value, min, max, what, exclusiveMin);

    private static string? Whole(string value, long min, long max, string what) => ValueText.Whole(value, min, max, what);
}
