namespace VeSiting.Core.Questions;

/// <summary>
/// The reading of one value as it was typed (a query parameter, a command-line option, a JSON number's text): null
/// when acceptable, else the reason, which quotes the value. One wording for every front end, so the same bad value
/// gets the same answer wherever it is given.
/// </summary>
public static class ValueText
{
    public const int MaxEchoLength = 60;

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>] (above 0 when <paramref name="exclusiveMin"/>).</summary>
    public static string? Number(string value, double min, double max, string what, bool exclusiveMin = false)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return $"{Echo(value)} is not a finite number";
        return number < min || number > max || (exclusiveMin && number <= 0)
            ? $"{Echo(value)} is not {what} ({(exclusiveMin ? "above 0" : $"from {F(min)}")} to {F(max)})" : null;
    }

    public static string? Whole(string value, long min, long max, string what)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return $"{Echo(value)} is not a whole number";
        return number < min || number > max ? $"{Echo(value)} is not {what} ({min} to {max})" : null;
    }

    public static string? StrictDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : $"{Echo(value)} is not a date (yyyy-mm-dd)";

    public static string? Boolean(string value) => bool.TryParse(value, out _) ? null : $"{Echo(value)} is not true or false";

    /// <summary>A value from the question, quoted and shortened for a message.</summary>
    public static string Echo(string? value)
    {
        if (value is null)
            return "nothing";
        var shown = value.Length <= MaxEchoLength ? value : string.Concat(value.AsSpan(0, MaxEchoLength), "…");
        return $"'{shown}'";
    }

    /// <summary>A number read by the rules above (call after they accepted it).</summary>
    public static double ParsedNumber(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A number as a question's text: what a front end that has already bound it to a double hands on.</summary>
    public static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
