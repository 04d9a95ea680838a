using System.Text.Json;
using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Output;

/// <summary>
/// The command line's table labels (titles, column headers, summary keys, a few fixed values) in other languages than
/// English: one file per language in <c>Output/Labels/</c>, embedded, mapping the English label to the language's.
/// A label may hold <c>{0}</c> for a varying part ("Assessment of {0}"). A label a file lacks stays English. Only
/// the table is translated: CSV, JSON and GeoJSON keys stay English so scripts do not depend on the language.
/// </summary>
public static class CliLabels
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> All = new(Load);

    /// <summary>The labels of a language (empty for English and for a language without a file).</summary>
    public static IReadOnlyDictionary<string, string> Of(MessageCatalogue catalogue) =>
        All.Value.TryGetValue(catalogue.Language, out var labels) ? labels : new Dictionary<string, string>();

    /// <summary>Languages with a label file.</summary>
    public static IEnumerable<string> Languages => All.Value.Keys;

    /// <summary>A fixed value of a cell in the language, by the whole text only (no <c>{0}</c> patterns).</summary>
    public static string Exact(string english, MessageCatalogue catalogue) =>
        Of(catalogue).TryGetValue(english, out var label) ? label : english;

    public static string Label(string english, MessageCatalogue catalogue)
    {
        var labels = Of(catalogue);
        if (labels.Count == 0)
            return english;
        if (labels.TryGetValue(english, out var label))
            return label;
        foreach (var (key, value) in labels)
        {
            var hole = key.IndexOf("{0}", StringComparison.Ordinal);
            if (hole < 0)
                continue;
            var prefix = key[..hole];
            var suffix = key[(hole + 3)..];
            if (english.Length > prefix.Length + suffix.Length && english.StartsWith(prefix, StringComparison.Ordinal) && english.EndsWith(suffix, StringComparison.Ordinal))
                return value.Replace("{0}", english[prefix.Length..^suffix.Length], StringComparison.Ordinal);
        }
        return english;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        var assembly = typeof(CliLabels).Assembly;
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("VeSiting.Cli.Labels.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var json = JsonDocument.Parse(stream);
            result[json.RootElement.GetProperty("language").GetString()!] = json.RootElement.GetProperty("labels").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }
        return result;
    }
}
