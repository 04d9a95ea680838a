namespace VeSiting.Bench.Tests;

/// <summary>A tool rewriting bench/RESULTS.md replaces its own sections and keeps everyone else's.</summary>
public sealed class ResultsMarkdownTests
{
    [Fact]
    public void Own_sections_are_replaced_and_the_others_kept_in_order()
    {
        const string previous = "# Benchmark results\n\n## Nearest\n\nold figures\n\n## Load\n\nload figures\n## Not yet\n\nold list\n\n## Rate\n\nrate figures\n";
        const string report = "# Benchmark results\n\n## Nearest\n\nnew figures\n\n## Not yet\n\nnew list\n";
        var merged = ResultsMarkdown.Merge(previous, report, ["Nearest", "Not yet"]);
        Assert.Equal("# Benchmark results\n\n## Nearest\n\nnew figures\n\n## Not yet\n\nnew list\n\n## Load\n\nload figures\n\n## Rate\n\nrate figures\n", merged);
    }

    [Fact]
    public void A_new_file_is_just_the_report()
    {
        Assert.Equal("# Results\n\n## Nearest\n\nfigures\n", ResultsMarkdown.Merge("", "# Results\n\n## Nearest\n\nfigures\n\n", ["Nearest"]));
    }

    [Fact]
    public void One_section_is_replaced_in_place_or_appended()
    {
        const string previous = "# Benchmark results\n\n## Load\n\nload figures\n\n## Tiles\n\nold $1 figures\n\n## Rate\n\nrate figures\n";
        Assert.Equal("# Benchmark results\n\n## Load\n\nload figures\n\n## Tiles\n\nnew $1 figures\n\n## Rate\n\nrate figures\n",
            ResultsMarkdown.ReplaceSection(previous, "Tiles", "## Tiles\n\nnew $1 figures\n"));
        Assert.Equal("# Benchmark results\n\n## Load\n\nload figures\n\n## Tiles\n\nfigures\n",
            ResultsMarkdown.ReplaceSection("# Benchmark results\n\n## Load\n\nload figures\n", "Tiles", "## Tiles\n\nfigures"));
    }
}
