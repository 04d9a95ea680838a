namespace VeSiting.Core.Noise;

/// <summary>One turbine's share of the noise at a dwelling: its own level at 8 and 6 m/s and where its sound power came from.</summary>
public sealed record NoiseContribution(Plant Plant, double DistanceM, double Level8, double Level6, TurbineAcoustics Acoustics)
{
    /// <summary>"measured (source)", "given with the layout" or "estimate", as the answers label it.</summary>
    public Reason LabelReason => Acoustics.Basis switch
    {
        AcousticsBasis.DataSheet => Reason.Of("noise.sound-power-basis.measured", ("source", Acoustics.Source ?? "turbine-acoustics")),
        AcousticsBasis.Layout => Reason.Of("noise.sound-power-basis.layout"),
        _ => Reason.Of("noise.sound-power-basis.estimate"),
    };

    /// <summary><see cref="LabelReason"/> in the answer's language.</summary>
    public string Label => LabelReason.Rendered;
}

/// <summary>The noise one home gets from the wind turbines in operation around it: its verdict, each turbine's part, and why.</summary>
public sealed record HomeNoise(string Id, string Label, NetTopologySuite.Geometries.Point Position, DwellingNoise Noise,
    IReadOnlyList<NoiseContribution> Contributions, IReadOnlyList<NoiseTurbine> Turbines, IReadOnlyList<Reason> Reasons, NoiseRules Rules, Provenance Provenance)
{
    public bool Estimated => Contributions.Any(c => c.Acoustics.IsEstimate);
}

/// <summary>An area's dwellings under the noise from the wind turbines in operation: how many are over each limit, the worst, and those over.</summary>
public sealed record AreaNoise(NoiseSummary Summary, IReadOnlyList<DwellingNoiseRow> OverLimit, IReadOnlyList<NoiseTurbine> Turbines,
    IReadOnlyList<Reason> Reasons, NoiseRules Rules, Provenance Provenance)
{
    public bool Estimated => Turbines.Any(t => t.Source?.Acoustics.IsEstimate == true);
}
