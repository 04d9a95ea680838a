namespace VeSiting.Api.Hosting.Validation;

/// <summary>
/// One table of rules for query-string values, checked before any endpoint binds them: numbers finite and within
/// their range, whole numbers whole, dates real dates, flags true or false, and no parameter given twice unless it
/// is a list. A value breaking a rule is refused with its field and the reason, never replaced by a default.
/// </summary>
public static class QueryRules
{
    private static readonly HashSet<string> Lists = new(StringComparer.OrdinalIgnoreCase) { "scenario", "also" };

    private static readonly Dictionary<string, Func<string, Reason?>> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lat"] = v => Number(v, -90, 90, ValueText.What("latitude")),
        ["lon"] = v => Number(v, -180, 180, ValueText.What("longitude")),
        ["e"] = v => Number(v, -1e7, 1e8, ValueText.What("easting")),
        ["n"] = v => Number(v, -1e7, 1e8, ValueText.What("northing")),
        ["kwh"] = v => Number(v, double.Epsilon, InputLimits.MaxAnnualKwh, ValueText.What("annual-kwh"), exclusiveMin: true),
        ["cell"] = v => Number(v, InputLimits.MinCellM, InputLimits.MaxCellM, SitingGridQuestion.CellWhat),
        ["separation"] = v => Number(v, 0, Core.Suitability.Places.DistinctSiteRule.MaxSeparationM, SitingGridQuestion.SeparationWhat),
        ["tolerance"] = v => Number(v, 0, Core.Suitability.Places.DistinctSiteRule.MaxTolerance, SitingGridQuestion.ToleranceWhat),
        ["year"] = v => Whole(v, InputLimits.MinYear, InputLimits.MaxYear, ValueText.What("year")),
        ["limit"] = v => Whole(v, 1, int.MaxValue, ValueText.What("count")),
        ["offset"] = v => Whole(v, 0, InputRanges.MaxOffset, ValueText.What("offset")),
        ["municipality"] = v => Whole(v, 1, 9_999, ValueText.What("municipality")),
        ["synthetic"] = ValueText.Boolean,
        ["processRefund"] = ValueText.Boolean,
        ["permitDate"] = ValueText.StrictDate,
        ["permit_date"] = ValueText.StrictDate,
        [Languages.RequestLanguage.Parameter] = Languages.RequestLanguage.Problem,
    };

    /// <summary>The first broken rule as (field, reason), or null when every value is acceptable.</summary>
    public static (string Field, Reason Reason)? Check(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (values.Count > 1 && !Lists.Contains(name))
                return (name, Reason.Of("problem.given-twice", ("count", values.Count)));
            if (!Rules.TryGetValue(name, out var rule))
                continue;
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value))
                    return (name, Reason.Of("problem.empty-parameter"));
                if (rule(value) is { } reason)
                    return (name, reason);
            }
        }
        return null;
    }

    private static Reason? Number(string value, double min, double max, Reason what, bool exclusiveMin = false) => ValueText.Number(value, min, max, what, exclusiveMin);

    private static Reason? Whole(string value, long min, long max, Reason what) => ValueText.Whole(value, min, max, what);
}
