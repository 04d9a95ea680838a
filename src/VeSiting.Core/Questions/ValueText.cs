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
    public static Reason? Number(string value, double min, double max, Reason what, bool exclusiveMin = false)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return Reason.Of("value.not-finite-number", ("value", Echo(value)));
        return number < min || number > max || (exclusiveMin && number <= 0)
            ? exclusiveMin
                ? Reason.Of("value.not-above-zero", ("value", Echo(value)), ("what", what), ("max", max))
                : Reason.Of("value.not-within", ("value", Echo(value)), ("what", what), ("min", min), ("max", max))
            : null;
    }

    public static Reason? Whole(string value, long min, long max, Reason what)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return Reason.Of("value.not-whole-number", ("value", Echo(value)));
        return number < min || number > max ? Reason.Of("value.not-within-whole", ("value", Echo(value)), ("what", what), ("min", min), ("max", max)) : null;
    }

    public static Reason? StrictDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : Reason.Of("value.not-date", ("value", Echo(value)));

    public static Reason? Boolean(string value) => bool.TryParse(value, out _) ? null : Reason.Of("value.not-boolean", ("value", Echo(value)));

    /// <summary>What a value has to be, as a reason's word (<c>value.what.latitude</c> → "a latitude").</summary>
    public static Reason What(string code) => Reason.Of("value.what." + code);

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
}
