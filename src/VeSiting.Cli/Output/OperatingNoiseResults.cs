using VeSiting.Core.Explanations;
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
            .Fact("Noise 8/6 m/s dB(A)", n.Turbines == 0 ? Reason.Of("cli.noise-no-turbine").Rendered : Pair(n.Level8, n.Level6))
            .Fact("Noise limits 8/6 m/s dB(A)", Reason.Of("cli.noise-limits", ("limit8", n.Limit8), ("limit6", n.Limit6), ("area", Reason.Word("noise.area-kind", n.Area.Kind.ToString()))).Rendered)
            .Fact("Noise margins 8/6 m/s dB", n.Turbines == 0 ? "–" : Pair(Math.Round(n.Margin8, 1), Math.Round(n.Margin6, 1)))
            .Fact("Noise verdict", NoiseResults.Verdict(n.Verdict))
            .Fact("Noise status", Reason.Of(home.Estimated ? "cli.noise-status-estimate" : "cli.noise-status-measured").Rendered)
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
            .Fact("Noise, worst dwelling", s.Worst is { } w ? NoiseResults.Worst(w.Address.Label, w.Noise) : "none")
            .Fact("Noise status", Reason.Of(area.Estimated ? "cli.noise-status-estimate" : "cli.noise-status-measured").Rendered)
            .Fact("Noise notes", area.Reasons.Select(r => r.Rendered).Distinct().ToList());
        return result;
    }

    /// <summary>"32.3 / 29.9" (at 8 and 6 m/s) as the answer's language writes numbers.</summary>
    private static string Pair(double at8, double at6) => double.IsFinite(at8) && double.IsFinite(at6)
        ? Reason.Of("cli.noise-pair", ("at8", at8), ("at6", at6)).Rendered
        : $"{F(at8)} / {F(at6)}";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
