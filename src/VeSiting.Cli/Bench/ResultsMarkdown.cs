using System.Text.RegularExpressions;

namespace VeSiting.Cli.Bench;

/// <summary>bench/RESULTS.md: one "## heading" section replaced in place (or appended), every other section kept.</summary>
public static class ResultsMarkdown
{
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
}
