using OsmSharp.Tags;

namespace VeSiting.Data.Importers.Osm;

/// <summary>Reading the tag values VeSiting uses: trimmed text, whole numbers, and lengths and powers with their units.</summary>
internal static class OsmTagValues
{
    public static string? Text(TagsCollectionBase? tags, string key) =>
        tags is not null && tags.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A positive whole number (<c>building:flats=12</c>); null when absent or not one.</summary>
    public static int? PositiveWhole(TagsCollectionBase? tags, string key) =>
        Text(tags, key) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A length in metres (<c>95</c>, <c>95 m</c>, <c>95.5</c>); null when absent or not a length.</summary>
    public static double? Metres(TagsCollectionBase? tags, string key)
    {
        if (Text(tags, key) is not { } text)
            return null;
        text = text.EndsWith('m') ? text[..^1].TrimEnd() : text;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && double.IsFinite(m) ? m : null;
    }

    /// <summary>An electrical power in kW (<c>4.2 MW</c>, <c>600 kW</c>, <c>2000 W</c>); null for <c>yes</c>, absent or unreadable.</summary>
    public static double? Kilowatts(TagsCollectionBase? tags, string key)
    {
        if (Text(tags, key) is not { } text)
            return null;
        var parts = text.Replace(',', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (number, unit) = parts.Length switch
        {
            2 => (parts[0], parts[1]),
            1 => SplitUnit(parts[0]),
            _ => ("", ""),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || !double.IsFinite(value))
            return null;
        return unit.ToLowerInvariant() switch
        {
            "w" => value / 1000,
            "kw" => value,
            "mw" => value * 1000,
            "gw" => value * 1_000_000,
            _ => null,
        };
    }

    private static (string Number, string Unit) SplitUnit(string text)
    {
        var at = text.Length;
        while (at > 0 && char.IsLetter(text[at - 1]))
            at--;
        return (text[..at], text[at..]);
    }
}
