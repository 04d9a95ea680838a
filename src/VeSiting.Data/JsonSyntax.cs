using System.Text.RegularExpressions;

namespace VeSiting.Data;

/// <summary>
/// Where a JSON text broke, in plain words ("line 1, column 10: '}' is an invalid start of a value"), without the
/// parser's own "LineNumber: 0 | BytePositionInLine: 9" suffix (zero-based, and in bytes).
/// </summary>
public static partial class JsonSyntax
{
    public static string Describe(JsonException e)
    {
        var what = ParserPosition().Replace(e.Message, "").Trim().TrimEnd('.');
        if (e.LineNumber is not { } line || e.BytePositionInLine is not { } column)
            return what;
        return $"line {line + 1}, column {column + 1}: {what}";
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex ParserPosition();
}
