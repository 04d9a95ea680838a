using System.Text.RegularExpressions;

namespace VeSiting.Core.Noise;

/// <summary>
/// How a data sheet's manufacturer and model are matched to the register's: case, spaces and punctuation do not count, nor a
/// manufacturer's trailing company form or generic words ("Vestas Wind Systems A/S" is "Vestas"); Siemens' names over the years
/// (the register's "SIEMENS" and "Siemens Wind Power A/S", today's "Siemens Gamesa (Renewable Energy)" and its ticker "SGRE")
/// are one maker. Nothing else is guessed: "V 80 2" and "V80-2.0 MW" are different models.
/// </summary>
public static partial class TurbineModelName
{
    /// <summary>Words dropped from the end of a manufacturer's name: company forms and generic trade words.</summary>
    private static readonly HashSet<string> TrailingWords =
        ["a", "s", "as", "aps", "ltd", "gmbh", "b", "v", "bv", "co", "inc", "ag", "se", "sa", "wind", "systems", "power", "energy", "renewable", "offshore"];

    /// <summary>Names of one maker: the key the others are matched under.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["siemensgamesa"] = "siemens",
        ["sgre"] = "siemens",
    };

    /// <summary>The manufacturer's matching key (empty for none).</summary>
    public static string Manufacturer(string? name)
    {
        var words = Words(name);
        while (words.Count > 1 && TrailingWords.Contains(words[^1]))
            words.RemoveAt(words.Count - 1);
        var key = string.Concat(words);
        return Aliases.GetValueOrDefault(key, key);
    }

    /// <summary>The model's matching key: its letters and digits, lower case ("V117-3.6 MW" and "v117 3,6MW" are one).</summary>
    public static string Model(string? name) => string.Concat(Words(name));

    private static List<string> Words(string? name) =>
        [.. NotLetterOrDigit().Split((name ?? "").ToLowerInvariant()).Where(w => w.Length > 0)];

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetterOrDigit();
}
