namespace VeSiting.Core.Noise;

/// <summary>The frequency bands of the noise order's method: octaves 63 Hz–8 kHz and 1/3 octaves 10–160 Hz (low frequency).</summary>
public static class NoiseBands
{
    /// <summary>Octave centre frequencies as the rule keys spell them (e.g. <c>airAbsorption63Hz</c>).</summary>
    public static IReadOnlyList<string> Octaves { get; } = ["63", "125", "250", "500", "1000", "2000", "4000", "8000"];

    /// <summary>1/3-octave centre frequencies 10–160 Hz as the rule keys spell them (e.g. <c>lfAirAbsorption12.5Hz</c>).</summary>
    public static IReadOnlyList<string> LowFrequencyThirds { get; } = ["10", "12.5", "16", "20", "25", "31.5", "40", "50", "63", "80", "100", "125", "160"];

    public static int OctaveCount => Octaves.Count;
    public static int ThirdCount => LowFrequencyThirds.Count;

    /// <summary>10·lg Σ 10^(L/10): the energy sum of levels in dB.</summary>
    public static double EnergySum(IEnumerable<double> levels) => 10 * Math.Log10(levels.Sum(l => Math.Pow(10, l / 10)));

    /// <summary>dB of an energy (10·lg E); −∞ for zero.</summary>
    public static double Level(double energy) => energy > 0 ? 10 * Math.Log10(energy) : double.NegativeInfinity;
}
