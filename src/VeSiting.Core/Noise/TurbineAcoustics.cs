namespace VeSiting.Core.Noise;

/// <summary>Where a turbine's sound power came from.</summary>
public enum AcousticsBasis
{
    /// <summary>A turbine-acoustics data file (manufacturer's data sheet), matched by manufacturer and model.</summary>
    DataSheet,
    /// <summary>Given with the planned layout (per feature or CLI option).</summary>
    Layout,
    /// <summary>Estimated from the rotor diameter (labelled estimate).</summary>
    EstimateByRotorDiameter,
    /// <summary>Estimated from the rated capacity (labelled estimate).</summary>
    EstimateByCapacity,
}

/// <summary>
/// A turbine's sound power at the order's reference wind speeds (10 m height): the totals L_WA at 6 and 8 m/s in dB(A), optionally
/// the A-weighted octave spectrum 63 Hz–8 kHz and the A-weighted 1/3-octave spectrum 10–160 Hz at 8 m/s. A spectrum's shape is
/// used at both wind speeds, shifted to each total.
/// </summary>
public sealed record TurbineAcoustics(double Lwa6, double Lwa8, IReadOnlyList<double>? Octaves8, IReadOnlyList<double>? LowFrequencyThirds8, AcousticsBasis Basis, string? Source = null)
{
    public bool IsEstimate => Basis is AcousticsBasis.EstimateByRotorDiameter or AcousticsBasis.EstimateByCapacity;

    public const string Lwa6Field = "lwa_6ms_db", Lwa8Field = "lwa_8ms_db", OctavesField = "lwa_octaves_8ms_db", ThirdsField = "lwa_lf_thirds_8ms_db";

    /// <summary>
    /// What is wrong with the shape of these values (field name and reason), or null: a number that is not one, one total without
    /// the other, a spectrum without totals or of the wrong length. Whether the values are plausible is the rules' question
    /// (<see cref="AcousticsRange.Problem(double?, double?, IReadOnlyList{double}?, IReadOnlyList{double}?)"/>).
    /// </summary>
    public static (string Field, string Reason)? ShapeProblem(double? lwa6, double? lwa8, IReadOnlyList<double>? octaves8, IReadOnlyList<double>? thirds8) =>
        ShapeBecause(lwa6, lwa8, octaves8, thirds8) is { } problem ? (problem.Field, problem.Because.Text) : null;

    /// <summary>What <see cref="ShapeProblem"/> finds, the reason as a code and values.</summary>
    public static (string Field, Reason Because)? ShapeBecause(double? lwa6, double? lwa8, IReadOnlyList<double>? octaves8, IReadOnlyList<double>? thirds8)
    {
        foreach (var (field, value) in new[] { (Lwa6Field, lwa6), (Lwa8Field, lwa8) })
        {
            if (value is { } v && !double.IsFinite(v))
                return (field, Reason.Of("acoustics.not-finite"));
        }
        if ((lwa6 is null) != (lwa8 is null))
            return (lwa6 is null ? Lwa6Field : Lwa8Field, Reason.Of("acoustics.both-speeds"));
        if ((octaves8 is not null || thirds8 is not null) && lwa8 is null)
            return (Lwa8Field, Reason.Of("acoustics.spectrum-needs-totals"));
        if (octaves8 is not null && octaves8.Count != NoiseBands.OctaveCount)
            return (OctavesField, Reason.Of("acoustics.octave-count", ("count", octaves8.Count), ("expected", NoiseBands.OctaveCount)));
        if (thirds8 is not null && thirds8.Count != NoiseBands.ThirdCount)
            return (ThirdsField, Reason.Of("acoustics.third-count", ("count", thirds8.Count), ("expected", NoiseBands.ThirdCount)));
        foreach (var (field, spectrum) in new[] { (OctavesField, octaves8), (ThirdsField, thirds8) })
        {
            if (spectrum is not null && spectrum.Any(v => !double.IsFinite(v)))
                return (field, Reason.Of("acoustics.band-not-finite"));
        }
        return null;
    }
}
