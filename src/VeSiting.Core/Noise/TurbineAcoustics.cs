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

    /// <summary>The lowest and highest sound power a turbine can plausibly have; outside it a value is an input error.</summary>
    public const double MinimumLwa = 60, MaximumLwa = 130;

    /// <summary>What is wrong with these values (field name and reason), or null when they can be used.</summary>
    public static (string Field, string Reason)? Problem(double? lwa6, double? lwa8, IReadOnlyList<double>? octaves8, IReadOnlyList<double>? thirds8)
    {
        foreach (var (field, value) in new[] { ("lwa_6ms_db", lwa6), ("lwa_8ms_db", lwa8) })
        {
            if (value is { } v && (double.IsNaN(v) || v < MinimumLwa || v > MaximumLwa))
                return (field, $"{v} dB(A) is outside {MinimumLwa}–{MaximumLwa} dB(A)");
        }
        if ((lwa6 is null) != (lwa8 is null))
            return (lwa6 is null ? "lwa_6ms_db" : "lwa_8ms_db", "give the sound power at both 6 and 8 m/s");
        if ((octaves8 is not null || thirds8 is not null) && lwa8 is null)
            return ("lwa_8ms_db", "a spectrum needs the totals lwa_6ms_db and lwa_8ms_db");
        if (octaves8 is not null && octaves8.Count != NoiseBands.OctaveCount)
            return ("lwa_octaves_8ms_db", $"{octaves8.Count} values; expected {NoiseBands.OctaveCount} (63 Hz–8 kHz)");
        if (thirds8 is not null && thirds8.Count != NoiseBands.ThirdCount)
            return ("lwa_lf_thirds_8ms_db", $"{thirds8.Count} values; expected {NoiseBands.ThirdCount} (10–160 Hz)");
        foreach (var (field, spectrum) in new[] { ("lwa_octaves_8ms_db", octaves8), ("lwa_lf_thirds_8ms_db", thirds8) })
        {
            if (spectrum is not null && spectrum.Any(v => double.IsNaN(v) || v < -50 || v > MaximumLwa))
                return (field, $"band levels must lie between -50 and {MaximumLwa} dB(A)");
        }
        return null;
    }
}
