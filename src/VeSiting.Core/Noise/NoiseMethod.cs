namespace VeSiting.Core.Noise;

/// <summary>
/// The noise order's calculation method (annex 1) for one turbine at one point, band by band:
/// L_pA,band = L_WA,band − 10·lg(l² + h²) − 11 + ΔL_g − α_band·√(l² + h²)/1000, summed as energies over the bands; and the
/// low-frequency indoor level, per 1/3-octave band 10–160 Hz, with the band's ground term, α and the façade insulation ΔL_σ
/// subtracted. l is the horizontal distance to the foundation, h the hub height (both m). The constants come from <see cref="NoiseRules"/>.
/// </summary>
public static class NoiseMethod
{
    /// <summary>The A-weighted level of each octave band at the point (dB).</summary>
    public static double[] OctaveLevels(IReadOnlyList<double> bandLwa, double l, double h, NoiseRules rules)
    {
        var d2 = l * l + h * h;
        var d = Math.Sqrt(d2);
        var levels = new double[bandLwa.Count];
        for (var b = 0; b < levels.Length; b++)
            levels[b] = bandLwa[b] - 10 * Math.Log10(d2) - rules.GeometricTerm + rules.GroundTerm - rules.AirAbsorptionDbPerKm[b] * d / 1000;
        return levels;
    }

    /// <summary>The A-weighted level at the point (dB(A)): the energy sum of <see cref="OctaveLevels"/>.</summary>
    public static double Level(IReadOnlyList<double> bandLwa, double l, double h, NoiseRules rules) =>
        NoiseBands.EnergySum(OctaveLevels(bandLwa, l, h, rules));

    /// <summary>The calculated indoor low-frequency level (A-weighted, 10–160 Hz, dB) from the 1/3-octave spectrum, for a dwelling or a summer house.</summary>
    /// <exception cref="InvalidOperationException">The rules carry no low-frequency rows.</exception>
    public static double LowFrequencyIndoor(IReadOnlyList<double> thirdLwa, double l, double h, NoiseRules rules, bool summerHouse)
    {
        var method = rules.LowFrequency ?? throw new InvalidOperationException("The noise rule set has no low-frequency rows");
        var d2 = l * l + h * h;
        var d = Math.Sqrt(d2);
        var insulation = summerHouse ? method.InsulationSummerHouse : method.InsulationDwelling;
        return NoiseBands.EnergySum(Enumerable.Range(0, thirdLwa.Count).Select(t =>
            thirdLwa[t] - 10 * Math.Log10(d2) - rules.GeometricTerm + method.GroundTerm[t] - method.AirAbsorptionDbPerKm[t] * d / 1000 - insulation[t]));
    }
}
