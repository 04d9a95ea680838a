namespace VeSiting.Core.Noise;

/// <summary>One dwelling's noise in a project answer.</summary>
public sealed record DwellingNoiseRow(Address Address, DwellingNoise Noise);

/// <summary>How many dwellings are over each limit, the worst one, and whether the project complies.</summary>
public sealed record NoiseSummary(int Dwellings, int Over8, int Over6, int OverLowFrequency, int LowFrequencyNotAssessable, DwellingNoiseRow? Worst, bool Complies, Reason Why);

/// <summary>
/// The noise part of a project answer: every dwelling within reach of the project's turbines, with the noise from the project
/// and from every turbine in operation that can matter there, at 6 and 8 m/s; the turbines used (and whose sound power is an
/// estimate); the reasons that hold for the whole answer (e.g. no noise-sensitive areas loaded); and the rules' provenance.
/// </summary>
public sealed record ProjectNoise(
    IReadOnlyList<DwellingNoiseRow> Dwellings,
    IReadOnlyList<NoiseTurbine> ProjectTurbines,
    IReadOnlyList<NoiseTurbine> ExistingTurbines,
    NoiseSummary Summary,
    IReadOnlyList<Reason> Reasons,
    NoiseRules Rules,
    Provenance Provenance)
{
    public bool Estimated => ProjectTurbines.Concat(ExistingTurbines).Any(t => t.Source?.Acoustics.IsEstimate == true);

    public static NoiseSummary Summarise(IReadOnlyList<DwellingNoiseRow> rows)
    {
        var over8 = rows.Count(r => r.Noise.Over8);
        var over6 = rows.Count(r => r.Noise.Over6);
        var overLf = rows.Count(r => r.Noise.OverLowFrequency);
        var notAssessable = rows.Count(r => r.Noise.Verdict == NoiseVerdict.LowFrequencyNotAssessable);
        var worst = rows.Where(r => r.Noise.Turbines > 0).MinBy(r => Math.Min(r.Noise.Margin8, r.Noise.Margin6));
        var complies = rows.All(r => r.Noise.Complies);
        var why = Reason.Of("noise.summary", ("over8", over8), ("over6", over6), ("overLf", overLf), ("notAssessable", notAssessable), ("dwellings", rows.Count));
        return new NoiseSummary(rows.Count, over8, over6, overLf, notAssessable, worst, complies, why);
    }
}
