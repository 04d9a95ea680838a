using VeSiting.Core.Explanations;
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
            .Fact("Noise, worst dwelling", s.Worst is { } w ? NoiseResults.Worst(w.Address.Label, w.Noise) : "none")
            .Fact("Noise status", Reason.Of(noise.Estimated ? "cli.noise-status-estimate" : "cli.noise-status-given").Rendered)
            .Fact("Noise notes", noise.Reasons.Select(r => r.Rendered).Distinct().ToList())
            .Fact("Noise rule sets", noise.Provenance.RuleSets.Select(r => r.ToString()).ToList())
            .Fact("Noise values reported or unconfirmed", noise.Provenance.Reported.Concat(noise.Provenance.Unconfirmed).Select(u => u.ToString()).DefaultIfEmpty("none").ToList());
        var section = result.Section("Noise at dwellings", ["Address id", "Address", "8 m/s dB(A)", "6 m/s dB(A)", "Project 8 m/s", "Limit 8/6", "Margin 8 m/s", "Low frequency dB", "Verdict"]);
        foreach (var row in noise.Dwellings)
        {
            var n = row.Noise;
            section.Row(row.Address.Position, row.Address.Id, row.Address.Label, F(n.Level8), F(n.Level6), n.PlannedLevel8 is { } p ? F(p) : "", $"{n.Limit8}/{n.Limit6}",
                F(Math.Round(n.Margin8, 1)), n.LowFrequency8 is { } lf ? F(Math.Max(lf, n.LowFrequency6 ?? lf)) : Reason.Of("cli.not-assessable"), Verdict(n.Verdict));
        }
    }

    /// <summary>"address: 60.1 dB(A) at 8 m/s, 56.4 at 6 m/s (limits 44/42)" in the answer's language.</summary>
    internal static string Worst(string address, DwellingNoise noise) => Reason.Of("cli.noise-worst", ("address", address), ("level8", Finite(noise.Level8)),
        ("level6", Finite(noise.Level6)), ("limit8", noise.Limit8), ("limit6", noise.Limit6)).Rendered;

    /// <summary>The verdict as a word of the table's language (its English text the enum's name, as CSV and JSON keep it).</summary>
    internal static Reason Verdict(NoiseVerdict verdict) => Reason.Word("noise.verdict", verdict.ToString());

    private static object Finite(double v) => double.IsFinite(v) ? v : "–";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
