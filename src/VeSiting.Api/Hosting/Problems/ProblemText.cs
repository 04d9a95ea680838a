using System.Text.RegularExpressions;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// The last guard on what a problem says: no library or .NET type names, no "(Parameter 'x')" suffixes,
/// and a bounded length (an echoed value can be long).
/// </summary>
public static partial class ProblemText
{
    public const int MaxReasonLength = 300;
    public const int MaxEchoLength = Core.Questions.ValueText.MaxEchoLength;

    public static string Clean(string reason)
    {
        var text = ParameterSuffix().Replace(reason, "");
        text = GeometryType().Replace(text, m => m.Groups["kind"].Success ? $"a {Words(m.Groups["kind"].Value)}" : "a geometry");
        text = QualifiedTypeName().Replace(text, "a value");
        text = text.Trim();
        return text.Length <= MaxReasonLength ? text : string.Concat(text.AsSpan(0, MaxReasonLength - 1), "…");
    }

    /// <summary>A value from the request, quoted and shortened for a message.</summary>
    public static string Echo(string? value) => Core.Questions.ValueText.Echo(value);

    private static string Words(string typeName) => PascalWords().Replace(typeName, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"NetTopologySuite(\.\w+)*\.(?<kind>Point|LineString|Polygon|MultiPoint|MultiLineString|MultiPolygon|GeometryCollection|LinearRing|Geometry|Feature|FeatureCollection|\w+)(\[\])?")]
    private static partial Regex GeometryType();

    [GeneratedRegex(@"\b(System|Microsoft|Npgsql|ProjNet|SkiaSharp|CsvHelper|VeSiting)(\.\w+)+(`\d+)?(\[[^\]]*\])?")]
    private static partial Regex QualifiedTypeName();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex PascalWords();
}
