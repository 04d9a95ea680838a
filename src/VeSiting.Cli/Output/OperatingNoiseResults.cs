using VeSiting.Core.Noise;

namespace VeSiting.Cli.Output;

/// <summary>The noise from the turbines in operation in the CLI's site and municipality answers: facts and a section, as the API gives them.</summary>
public static class OperatingNoiseResults
{
    /// <summary>A home's noise: the totals, limits, margins, verdict and a "Noise from turbines in operation" table of every turbine's part.</summary>
    public static CliResult AddTo(CliResult result, HomeNoise? home)
    {
        if (home is null)
            return result;
        var n = home.Noise;
        result.Fact("Noise (BEK 135/2019)", n.Reasons.Select(r => r.Rendered).ToList())
            .Fact("Noise 8/6 m/s dB(A)", n.Turbines == 0 ? "no wind turbine in operation within reach" : $"{F(n.Level8)} / {F(n.Level6)}")
            .Fact("Noise limits 8/6 m/s dB(A)", $"{F(n.Limit8)} / {F(n.Limit6)} ({n.Area.Kind})")
            .Fact("Noise margins 8/6 m/s dB", n.Turbines == 0 ? "–" : $"{F(Math.Round(n.Margin8, 1))} / {F(Math.Round(n.Margin6, 1))}")
            .Fact("Noise verdict", n.Verdict.ToString())
            .Fact("Noise status", home.Estimated ? "estimate: sound power estimated for some turbines (no data sheet)" : "law: limits and method of the noise order, sound power measured")
            .Fact("Noise notes", home.Reasons.Select(r => r.Rendered).Distinct().ToList())
            .Fact("Noise rule sets", home.Provenance.RuleSets.Select(r => r.ToString()).ToList());
        var section = result.Section("Noise from turbines in operation", ["Turbine", "Name", "Distance m", "8 m/s dB(A)", "6 m/s dB(A)", "L_WA 8 m/s", "Sound power"]);
        foreach (var c in home.Contributions)
            section.Row(c.Plant.Geometry.Centroid, c.Plant.Id, c.Plant.Name ?? "", F(c.DistanceM), F(c.Level8), F(c.Level6), F(Math.Round(c.Acoustics.Lwa8, 1)), c.Label);
        return result;
    }

    /// <summary>A municipality's dwellings over the noise limits from the turbines in operation, and the worst.</summary>
    public static CliResult AddTo(CliResult result, AreaNoise? area)
    {
        if (area is null)
            return result;
        var s = area.Summary;
        result.Fact("Noise from turbines in operation", s.Why.Rendered)
            .Fact("Noise, dwellings over a limit", area.OverLimit.Count)
            .Fact("Noise, worst dwelling", s.Worst is { } w ? $"{w.Address.Label}: {F(w.Noise.Level8)} dB(A) at 8 m/s, {F(w.Noise.Level6)} at 6 m/s (limits {w.Noise.Limit8}/{w.Noise.Limit6})" : "none")
            .Fact("Noise status", area.Estimated ? "estimate: sound power estimated for some turbines (no data sheet)" : "law: limits and method of the noise order, sound power measured")
            .Fact("Noise notes", area.Reasons.Select(r => r.Rendered).Distinct().ToList());
        return result;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
