using System.Text.RegularExpressions;

namespace VeSiting.Data.Importers;

/// <summary>Normalisation and parsing of spreadsheet and CSV cell values shared by the importers.</summary>
internal static partial class CellText
{
    /// <summary>Lower case, line breaks and runs of spaces collapsed to one space, trimmed.</summary>
    public static string Normalise(object? value) =>
        value is null ? "" : Spaces().Replace(Convert.ToString(value, CultureInfo.InvariantCulture)!, " ").Trim().ToLowerInvariant();

    public static bool IsBlank(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);

    /// <summary>
    /// Parses a number from a numeric cell or from text in invariant ("21.4") or Danish ("21,4") form.
    /// Returns false for anything else.
    /// </summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return double.IsFinite(d);
            case int or long or float or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string s:
                s = s.Trim();
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                    return true;
                // Danish decimal comma, only when there is no dot (a dot would be a thousands separator there).
                if (!s.Contains('.') && double.TryParse(s, NumberStyles.Float, DanishCulture, out number) && double.IsFinite(number))
                    return true;
                number = 0;
                return false;
            default:
                number = 0;
                return false;
        }
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Parses a date from a date cell, an Excel serial number or ISO/Danish text.</summary>
    public static bool TryDate(object? value, out DateOnly date)
    {
        switch (value)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial is > 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string s when DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                date = DateOnly.FromDateTime(parsed);
                return true;
            default:
                date = default;
                return false;
        }
    }

    /// <summary>Text of a cell as the publisher wrote it (numbers without exponent or grouping), or null when blank.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => d.ToString("F0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null,
    };

    internal static readonly CultureInfo DanishCulture = CultureInfo.GetCultureInfo("da-DK");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
