using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Output;

/// <summary>A layout comparison as the CLI's table: one row per measure, a column per layout (the best marked with *), the differences below.</summary>
internal static class ComparisonResults
{
    public static CliResult Table(LayoutComparison c)
    {
        var result = new CliResult($"Comparison of {string.Join(", ", c.Layouts.Select(l => $"{l.Key} ({l.Name})"))}",
            ["Measure", "Unit", "Status", "Better", .. c.Layouts.Select(l => $"{l.Key}: {l.Name}"), "Best"])
        {
            Attributions = c.Attributions,
            DataVersion = c.DataVersion,
        };
        foreach (var l in c.Layouts)
            result.Fact($"Layout {l.Key}", Reason.Of("cli.layout-summary", ("name", l.Name), ("plants", l.Assessment.Project.Plants.Count), ("mw", l.Assessment.TotalCapacityKw / 1000),
                ("permit", l.Assessment.Permit.Why)).Rendered);
        foreach (var r in c.Rows)
        {
            result.Row(null, [r.Measure.Rendered, r.UnitWord, r.StatusWord, r.BetterWord,
                .. r.Values.Select((v, i) => (object?)(v is { } x ? $"{x:0.###}{(r.Best.Contains(i) ? " *" : "")}" : Reason.Of("cli.not-assessed"))),
                string.Join(", ", r.Best.Select(i => c.Layouts[i].Key))]);
        }
        var differences = result.Section("Differences", ["Measure", "Why"]);
        foreach (var r in c.Rows)
        {
            foreach (var d in r.Differences)
                differences.Row(null, r.Id, d.Rendered);
        }
        return result;
    }
}
