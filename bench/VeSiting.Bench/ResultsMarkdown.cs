using System.Text.RegularExpressions;

namespace VeSiting.Bench;

/// <summary>
/// bench/RESULTS.md is written by several tools, each owning some "## " sections: a tool replaces its own sections
/// and keeps every other one as it was, in order.
/// </summary>
public static class ResultsMarkdown
{
    /// <summary>
    /// <paramref name="report"/> (the tool's title and sections) followed by every "## " section of
    /// <paramref name="previous"/> whose heading is not one of <paramref name="ownedHeadings"/>.
    /// </summary>
    public static string Merge(string previous, string report, IReadOnlyCollection<string> ownedHeadings)
    {
        var kept = Sections(previous).Where(s => !ownedHeadings.Contains(Heading(s))).Select(s => s.TrimEnd() + "\n");
        return string.Join("\n", [report.TrimEnd() + "\n", .. kept]);
    }

    /// <summary>One "## heading" section replaced in place (or appended), every other section kept.</summary>
    public static string ReplaceSection(string document, string heading, string section)
    {
        var pattern = new Regex($"^## {Regex.Escape(heading)}[ \\t]*\\n.*?(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        var body = section.TrimEnd() + "\n";
        if (pattern.IsMatch(document))
            return pattern.Replace(document, body.Replace("$", "$$", StringComparison.Ordinal) + "\n", 1).TrimEnd() + "\n";
        var start = document.Length == 0 ? "# Benchmark results\n" : document.TrimEnd() + "\n";
        return start + "\n" + body;
    }

    public static async Task WriteSectionAsync(string path, string heading, string section, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var previous = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        await File.WriteAllTextAsync(path, ReplaceSection(previous, heading, section), cancellationToken);
    }

    private static string Heading(string section) => section.Split('\n', 2)[0][3..].Trim();

    /// <summary>The "## " sections of a document, each from its heading to the next "## " heading.</summary>
    private static IEnumerable<string> Sections(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current.Count > 0) yield return string.Join("\n", current);
                current = [line];
            }
            else if (current.Count > 0)
            {
                current.Add(line);
            }
        }
        if (current.Count > 0) yield return string.Join("\n", current);
    }
}
