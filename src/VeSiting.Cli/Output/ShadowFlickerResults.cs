using VeSiting.Core.Explanations;
using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Cli.Output;

/// <summary>Shadow flicker in the CLI's answers: a section beside an assessment, a table of its own, and one dwelling's calendar.</summary>
public static class ShadowFlickerResults
{
    private static readonly string[] DwellingColumns =
        ["Address id", "Address", "Worst case (h/yr)", "Days/yr", "Max min/day", "Expected (h/yr)", "Over the recommended limit", "Turbines"];

    /// <summary>A "Shadow flicker" section after an assessment's own tables.</summary>
    public static CliResult AddTo(CliResult result, ShadowFlickerPart part)
    {
        var section = result.Section(Reason.Of("cli.flicker-section", ("year", part.Year), ("summary", part.Summary)).Rendered, DwellingColumns);
        Rows(section, part);
        return result;
    }

    /// <summary>The flicker part as the main table (CSV and GeoJSON output carry it).</summary>
    public static CliResult Table(string title, ShadowFlickerPart part)
    {
        var result = new CliResult($"Shadow flicker {part.Year}: {title}", DwellingColumns);
        Facts(result, part);
        Rows(result, part);
        return result;
    }

    public static CliResult Calendar(ShadowFlickerPart part, IReadOnlyList<FlickerSpell> calendar)
    {
        var d = part.Dwellings[0];
        var result = new CliResult(Reason.Of("cli.flicker-calendar", ("year", part.Year), ("home", d.Home.Label)).Rendered, ["Date", "Start", "End", "Minutes", "Turbines"]);
        result.Fact("Worst case (h/yr)", Math.Round(d.Flicker.WorstCaseHours, 2)).Fact("Days/yr", d.Flicker.Days).Fact("Max min/day", d.Flicker.MaxMinutesPerDay)
            .Fact("Expected (h/yr)", Math.Round(d.Flicker.ExpectedHours, 2)).Fact("Why", d.Why.Rendered);
        Facts(result, part);
        foreach (var s in calendar)
            result.Row(null, s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                s.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.Minutes, string.Join(" ", s.Turbines));
        return result;
    }

    private static void Facts(CliResult result, ShadowFlickerPart part)
    {
        result.Fact("Summary", part.Summary.Rendered)
            .Fact("Worst dwelling", (part.Worst is { } w ? Reason.About(w.Home.Label, w.Why) : Reason.Of("cli.flicker-none")).Rendered)
            .Fact("Turbines", part.Turbines.Count)
            .Fact("Not assessed", part.NotAssessed.Count == 0 ? ["none"] : part.NotAssessed.Select(r => r.Rendered).ToList())
            .Fact("Status", Reason.Of("cli.flicker-status").Rendered)
            .Fact("Rule sets used", part.Provenance.RuleSets.Select(r => r.ToString()).ToList())
            .Fact("Unconfirmed values used", part.Provenance.Unconfirmed.Count == 0 ? ["none"] : part.Provenance.Unconfirmed.Select(u => u.ToString()).ToList())
            .Fact("Reported values used (secondary sources)", part.Provenance.Reported.Count == 0 ? ["none"] : part.Provenance.Reported.Select(u => u.ToString()).ToList())
            .Fact("Assumptions", part.Provenance.Assumptions.ToList());
    }

    private static void Rows(CliResult table, ShadowFlickerPart part)
    {
        foreach (var d in part.Dwellings)
            table.Row(d.Home.Position, d.Home.Id, d.Home.Label, Math.Round(d.Flicker.WorstCaseHours, 2), d.Flicker.Days, d.Flicker.MaxMinutesPerDay,
                Math.Round(d.Flicker.ExpectedHours, 2), d.OverLimit, string.Join(" ", d.Flicker.Turbines.Select(t => t.TurbineId)));
    }
}
