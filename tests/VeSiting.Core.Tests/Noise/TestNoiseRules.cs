using VeSiting.Core.Noise;

namespace VeSiting.Core.Tests.Noise;

/// <summary>The noise order's constants written out in the test from ../shared/docs/dk-ve-rules.md, independent of geodata/rules.</summary>
internal static class TestNoiseRules
{
    public static readonly double[] Alpha = [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117];

    /// <summary>A stated A-weighted octave spectrum 63 Hz–8 kHz (energy sum 103.95 dB(A)).</summary>
    public static readonly double[] Spectrum = [86.0, 93.0, 97.0, 98.5, 98.0, 95.0, 89.0, 80.0];

    /// <summary>A stated A-weighted 1/3-octave spectrum 10–160 Hz.</summary>
    public static readonly double[] LowFrequencySpectrum = [40, 48, 55, 61, 66, 70, 73, 76, 78, 80, 82, 83, 84];

    public static NoiseRules Create(double[]? alpha = null, AcousticsRange? range = null) => new()
    {
        LimitOpenCountry8 = 44,
        LimitOpenCountry6 = 42,
        LimitNoiseSensitive8 = 39,
        LimitNoiseSensitive6 = 37,
        LimitLowFrequencyIndoor = 20,
        GeometricTerm = 11,
        GroundTerm = 1.5,
        AirAbsorptionDbPerKm = alpha ?? Alpha,
        LowFrequency = new LowFrequencyMethod(
            [0, 0, 0, 0, .02, .03, .05, .07, .11, .17, .26, .38, .55],
            [6.0, 6.0, 5.8, 5.6, 5.4, 5.2, 5.0, 4.7, 4.3, 3.7, 3.0, 1.8, 0.0],
            [4.9, 5.9, 4.6, 6.6, 8.4, 10.8, 11.4, 13.0, 16.6, 19.7, 21.2, 20.2, 21.2],
            [6.8, 3.9, 0.4, -0.2, 4.8, 6.2, 8.4, 10.5, 11.9, 11.9, 16.0, 17.5, 17.9]),
        DefaultOctaveShape = [-13.6, -8.5, -6.0, -5.6, -7.4, -11.2, -16.4, -23.5],
        SoundPower = new SoundPowerFit(91.69, 6.83, 75.17, 14.23, 94.23, 3.3, 85.32, 5.49, 1.39),
        CutoffMargin = 15,
        Range = range ?? new AcousticsRange(60, 130, -50, "test"),
    };

    /// <summary>A turbine with the stated spectrum shape at L_WA 104.0 dB(A) at 8 m/s and 102.0 at 6 m/s.</summary>
    public static NoiseSource Turbine(string id, double x, double y, double hub = 100, bool planned = false, double[]? lowFrequency = null, NoiseRules? rules = null) =>
        new(id, x, y, hub, new TurbineAcoustics(102.0, 104.0, Spectrum, lowFrequency, AcousticsBasis.Layout), rules ?? Create(), planned);
}
