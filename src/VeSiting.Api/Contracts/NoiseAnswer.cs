using VeSiting.Core.Noise;

namespace VeSiting.Api.Contracts;

/// <summary>One dwelling under the noise order: dB(A) at 8 and 6 m/s from all turbines that can matter, the project's part, limits, margins, low frequency, verdict and why.</summary>
public sealed record NoiseDwellingDto(string Id, string Address, Position Position, double? Level8, double? Level6, double? ProjectLevel8, double? ProjectLevel6,
    double Limit8, double Limit6, double? Margin8, double? Margin6, double? LowFrequency8, double? LowFrequency6, double LowFrequencyLimit,
    string Area, string Verdict, bool Complies, int Turbines, bool Estimate, IReadOnlyList<Reason> Why)
{
    public static NoiseDwellingDto Of(DwellingNoiseRow row)
    {
        var n = row.Noise;
        return new(row.Address.Id, row.Address.Label, Position.Of(row.Address.Position), Finite(n.Level8), Finite(n.Level6), Finite(n.PlannedLevel8), Finite(n.PlannedLevel6),
            n.Limit8, n.Limit6, Finite(Math.Round(n.Margin8, 1)), Finite(Math.Round(n.Margin6, 1)), n.LowFrequency8, n.LowFrequency6, n.LowFrequencyLimit,
            Kebab(n.Area.Kind), Kebab(n.Verdict), n.Complies, n.Turbines, n.Estimated, n.Reasons);
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    internal static string Kebab<T>(T value) where T : Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}

/// <summary>A turbine in the noise answer: its sound power at 6 and 8 m/s, where that came from, and how far it can matter.</summary>
public sealed record NoiseTurbineDto(string Id, bool InProject, bool Included, double? Lwa6, double? Lwa8, string? Basis, bool Estimate, bool DefaultSpectrum, bool LowFrequencySpectrum, double? CutoffM, Reason? Why)
{
    /// <summary>"measured (source)", "given with the layout" or "estimate": where the sound power came from, in words.</summary>
    public string? SoundPower { get; init; }

    /// <summary><see cref="SoundPower"/> as a reason.</summary>
    public Reason? SoundPowerReason { get; init; }

    public static NoiseTurbineDto Of(NoiseTurbine t, bool inProject) => new(t.Plant.Id, inProject, t.Included,
        t.Source is { } s ? Math.Round(s.Acoustics.Lwa6, 1) : null, t.Source is { } s8 ? Math.Round(s8.Acoustics.Lwa8, 1) : null,
        t.Source is { } b ? NoiseDwellingDto.Kebab(b.Acoustics.Basis) : null, t.Source?.Acoustics.IsEstimate == true, t.Source?.DefaultShape == true,
        t.Source?.HasLowFrequency == true, t.Source is { } c ? Math.Round(c.CutoffM, 1) : null, t.Why)
    { SoundPower = t.Source is { } a ? new NoiseContribution(t.Plant, 0, 0, 0, a.Acoustics).Label : null, SoundPowerReason = t.Source is { } r ? new NoiseContribution(t.Plant, 0, 0, 0, r.Acoustics).LabelReason : null };
}

public sealed record NoiseSummaryDto(int Dwellings, int Over8, int Over6, int OverLowFrequency, int LowFrequencyNotAssessable, string? WorstDwelling, double? WorstMargin, bool Complies, Reason Why);

/// <summary>
/// The noise order at a project's neighbours (BEK 135/2019): the limits and method are law (the method's constants as reported,
/// see provenance); sound power without a data sheet is an estimate, and then <see cref="Status"/> says so.
/// </summary>
public sealed record NoiseAnswer(string Status, string RuleSet, NoiseSummaryDto Summary, IReadOnlyList<NoiseDwellingDto> Dwellings, IReadOnlyList<NoiseTurbineDto> Turbines,
    IReadOnlyList<Reason> Reasons, ProvenanceDto Provenance)
{
    public static NoiseAnswer? Of(ProjectNoise? noise)
    {
        if (noise is null)
            return null;
        var s = noise.Summary;
        var worst = s.Worst?.Noise;
        return new NoiseAnswer(
            ProvenanceDto.Status(noise.Estimated ? AnswerStatus.Estimate : AnswerStatus.Law),
            noise.Rules.Ref?.ToString() ?? "",
            new NoiseSummaryDto(s.Dwellings, s.Over8, s.Over6, s.OverLowFrequency, s.LowFrequencyNotAssessable, s.Worst?.Address.Label,
                worst is null ? null : Math.Round(Math.Min(worst.Margin8, worst.Margin6), 1), s.Complies, s.Why),
            [.. noise.Dwellings.Select(NoiseDwellingDto.Of)],
            [.. noise.ProjectTurbines.Select(t => NoiseTurbineDto.Of(t, true)), .. noise.ExistingTurbines.Select(t => NoiseTurbineDto.Of(t, false))],
            noise.Reasons,
            ProvenanceDto.Of(noise.Provenance));
    }
}
