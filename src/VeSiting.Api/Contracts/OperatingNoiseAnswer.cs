using VeSiting.Core.Noise;

namespace VeSiting.Api.Contracts;

/// <summary>One turbine's share of a home's noise: its own level at 8 and 6 m/s, distance, and where its sound power came from ("measured (source)" or "estimate").</summary>
public sealed record NoiseContributionDto(string Id, string? Name, double DistanceM, double Level8, double Level6, double Lwa8, double Lwa6, string SoundPower, bool Estimate)
{
    /// <summary><see cref="SoundPower"/> as a reason.</summary>
    public Reason? SoundPowerReason { get; init; }
}

/// <summary>
/// The noise a home gets from the wind turbines in operation around it (BEK 135/2019): totals at 8 and 6 m/s, the limits of its
/// area, margins, low frequency, verdict and why, and every turbine's part. <see cref="Status"/> is estimate when any turbine's sound
/// power is estimated.
/// </summary>
public sealed record HomeNoiseAnswer(string Status, string RuleSet, double? Level8, double? Level6, double Limit8, double Limit6, double? Margin8, double? Margin6,
    double? LowFrequency8, double? LowFrequency6, double LowFrequencyLimit, string Area, string Verdict, bool Complies, int Turbines,
    IReadOnlyList<NoiseContributionDto> Contributions, IReadOnlyList<Reason> Why, IReadOnlyList<Reason> Reasons, ProvenanceDto Provenance)
{
    public static HomeNoiseAnswer? Of(HomeNoise? h)
    {
        if (h is null)
            return null;
        var n = h.Noise;
        return new HomeNoiseAnswer(ProvenanceDto.Status(h.Estimated ? AnswerStatus.Estimate : AnswerStatus.Law), h.Rules.Ref?.ToString() ?? "",
            Finite(n.Level8), Finite(n.Level6), n.Limit8, n.Limit6, Finite(Math.Round(n.Margin8, 1)), Finite(Math.Round(n.Margin6, 1)),
            n.LowFrequency8, n.LowFrequency6, n.LowFrequencyLimit, NoiseDwellingDto.Kebab(n.Area.Kind), NoiseDwellingDto.Kebab(n.Verdict), n.Complies, n.Turbines,
            [.. h.Contributions.Select(c => new NoiseContributionDto(c.Plant.Id, c.Plant.Name, c.DistanceM, c.Level8, c.Level6,
                Math.Round(c.Acoustics.Lwa8, 1), Math.Round(c.Acoustics.Lwa6, 1), c.Label, c.Acoustics.IsEstimate) { SoundPowerReason = c.LabelReason })],
            n.Reasons, h.Reasons, ProvenanceDto.Of(h.Provenance));
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>
/// A municipality's dwellings under the noise from the wind turbines in operation: how many are over each limit, the worst, and the
/// dwellings over a limit (at most <see cref="MaxListed"/>, worst first).
/// </summary>
public sealed record AreaNoiseAnswer(string Status, string RuleSet, NoiseSummaryDto Summary, int OverLimit, IReadOnlyList<NoiseDwellingDto> DwellingsOverLimit,
    int TurbinesMeasured, int TurbinesEstimated, int TurbinesLeftOut, IReadOnlyList<Reason> Reasons, ProvenanceDto Provenance)
{
    public const int MaxListed = 500;

    public static AreaNoiseAnswer? Of(AreaNoise? a)
    {
        if (a is null)
            return null;
        var s = a.Summary;
        var worst = s.Worst?.Noise;
        return new AreaNoiseAnswer(ProvenanceDto.Status(a.Estimated ? AnswerStatus.Estimate : AnswerStatus.Law), a.Rules.Ref?.ToString() ?? "",
            new NoiseSummaryDto(s.Dwellings, s.Over8, s.Over6, s.OverLowFrequency, s.LowFrequencyNotAssessable, s.Worst?.Address.Label,
                worst is null ? null : Math.Round(Math.Min(worst.Margin8, worst.Margin6), 1), s.Complies, s.Why),
            a.OverLimit.Count, [.. a.OverLimit.Take(MaxListed).Select(NoiseDwellingDto.Of)],
            a.Turbines.Count(t => t.Source?.Acoustics.Basis == AcousticsBasis.DataSheet), a.Turbines.Count(t => t.Source?.Acoustics.IsEstimate == true),
            a.Turbines.Count(t => !t.Included), a.Reasons, ProvenanceDto.Of(a.Provenance));
    }
}
