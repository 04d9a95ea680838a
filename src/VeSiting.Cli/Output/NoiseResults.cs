using VeSiting.Core.Noise;

namespace VeSiting.Cli.Output;

/// <summary>The noise part of an answer as CLI facts and a section: the summary, the estimate labels, every dwelling and where the constants come from.</summary>
public static class NoiseResults
{
    public static void AddTo(CliResult result, ProjectNoise? noise)
    {
        if (noise is null)
            return;
        var s = noise.Summary;
        result.Fact("Noise (BEK 135/2019)", s.Why.Rendered)
            .Fact("Noise complies", s.Complies ? "yes" : "no")
            .Fact("Noise, worst dwelling", s.Worst is { } w ? $"{w.Address.Label}: {F(w.Noise.Level8)} dB(A) at 8 m/s, {F(w.Noise.Level6)} at 6 m/s (limits {w.Noise.Limit8}/{w.Noise.Limit6})" : "none")
            .Fact("Noise status", noise.Estimated ? "estimate: sound power estimated for some turbines (no data sheet)" : "law: limits and method of the noise order, sound power as given")
            .Fact("Noise notes", noise.Reasons.Select(r => r.Rendered).Distinct().ToList())
            .Fact("Noise rule sets", noise.Provenance.RuleSets.Select(r => r.ToString()).ToList())
            .Fact("Noise values reported or unconfirmed", noise.Provenance.Reported.Concat(noise.Provenance.Unconfirmed).Select(u => u.ToString()).DefaultIfEmpty("none").ToList());
        var section = result.Section("Noise at dwellings", ["Address id", "Address", "8 m/s dB(A)", "6 m/s dB(A)", "Project 8 m/s", "Limit 8/6", "Margin 8 m/s", "Low frequency dB", "Verdict"]);
        foreach (var row in noise.Dwellings)
        {
            var n = row.Noise;
            section.Row(row.Address.Position, row.Address.Id, row.Address.Label, F(n.Level8), F(n.Level6), n.PlannedLevel8 is { } p ? F(p) : "", $"{n.Limit8}/{n.Limit6}",
                F(Math.Round(n.Margin8, 1)), n.LowFrequency8 is { } lf ? F(Math.Max(lf, n.LowFrequency6 ?? lf)) : "not assessable", n.Verdict.ToString());
        }
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
