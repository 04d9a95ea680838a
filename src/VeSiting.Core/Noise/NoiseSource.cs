using System.Runtime.Intrinsics;

namespace VeSiting.Core.Noise;

/// <summary>
/// One turbine as the method sees it, prepared for many points: its position (EPSG:25832), hub height, band sound powers at 8 m/s
/// and, per band, the energy coefficient C = 10^((L_WA,band − 11 + ΔL_g)/10) and decay k = α·ln10/10⁴ per metre, so that its
/// energy at slant distance d is Σ C·e^(−k·d)/d². The 6 m/s spectrum has the same shape (shifted to L_WA at 6 m/s), so its
/// energy is the 8 m/s energy × <see cref="Ratio6To8"/>. <see cref="CutoffM"/> is the horizontal distance beyond which the turbine's own
/// level is below every lowest limit less the cut-off margin.
/// </summary>
public sealed class NoiseSource
{
    public string Id { get; }
    public double X { get; }
    public double Y { get; }
    public double HubHeightM { get; }
    public TurbineAcoustics Acoustics { get; }
    /// <summary>Part of the planned project (its contribution is reported apart), else existing.</summary>
    public bool Planned { get; }
    /// <summary>A-weighted octave sound powers at 8 m/s (63 Hz–8 kHz).</summary>
    public double[] OctaveLwa8 { get; }
    /// <summary>A-weighted 1/3-octave sound powers 10–160 Hz at 8 m/s, or null when not given.</summary>
    public double[]? ThirdLwa8 { get; }
    public double Ratio6To8 { get; }
    public double CutoffM { get; }
    /// <summary>Whether the octave shape is the default one (no spectrum given).</summary>
    public bool DefaultShape { get; }

    internal readonly double[] Coefficient;
    internal readonly double[] Decay;
    internal readonly double[]? LfCoefficientDwelling;
    internal readonly double[]? LfCoefficientSummerHouse;
    internal readonly double[]? LfDecay;
    private readonly Vector256<double> _coefficientLow, _coefficientHigh, _negativeDecayLow, _negativeDecayHigh;

    public NoiseSource(string id, double x, double y, double hubHeightM, TurbineAcoustics acoustics, NoiseRules rules, bool planned = false)
    {
        if (!(hubHeightM > 0))
            throw new ArgumentOutOfRangeException(nameof(hubHeightM), hubHeightM, "hub height must be positive");
        Id = id;
        X = x;
        Y = y;
        HubHeightM = hubHeightM;
        Acoustics = acoustics;
        Planned = planned;
        DefaultShape = acoustics.Octaves8 is null;
        var shape = Relative(acoustics.Octaves8 ?? rules.DefaultOctaveShape);
        OctaveLwa8 = [.. shape.Select(s => acoustics.Lwa8 + s)];
        Ratio6To8 = Math.Pow(10, (acoustics.Lwa6 - acoustics.Lwa8) / 10);
        Coefficient = [.. OctaveLwa8.Select(l => Math.Pow(10, (l - rules.GeometricTerm + rules.GroundTerm) / 10))];
        Decay = [.. rules.AirAbsorptionDbPerKm.Select(a => a * Math.Log(10) / 10_000)];
        (_coefficientLow, _coefficientHigh) = (Vector256.Create(Coefficient.AsSpan(0, 4)), Vector256.Create(Coefficient.AsSpan(4, 4)));
        (_negativeDecayLow, _negativeDecayHigh) = (-Vector256.Create(Decay.AsSpan(0, 4)), -Vector256.Create(Decay.AsSpan(4, 4)));
        if (acoustics.LowFrequencyThirds8 is { } thirds && rules.LowFrequency is { } lf)
        {
            ThirdLwa8 = [.. thirds];
            LfCoefficientDwelling = [.. thirds.Select((l, t) => Math.Pow(10, (l - rules.GeometricTerm + lf.GroundTerm[t] - lf.InsulationDwelling[t]) / 10))];
            LfCoefficientSummerHouse = [.. thirds.Select((l, t) => Math.Pow(10, (l - rules.GeometricTerm + lf.GroundTerm[t] - lf.InsulationSummerHouse[t]) / 10))];
            LfDecay = [.. lf.AirAbsorptionDbPerKm.Select(a => a * Math.Log(10) / 10_000)];
        }
        CutoffM = Cutoff(rules);
    }

    public bool HasLowFrequency => LfDecay is not null;

    /// <summary>The energy (10^(L/10)) this turbine gives at 8 m/s at squared horizontal distance <paramref name="l2"/>.</summary>
    public double Energy8(double l2)
    {
        var d2 = l2 + HubHeightM * HubHeightM;
        var d = Vector256.Create(Math.Sqrt(d2));
        // The eight octave bands as two vectors of four: one vector exponential each instead of eight scalar ones (the national
        // noise at every dwelling spends most of its time here). Within an ulp or two of the scalar sum.
        var sum = _coefficientLow * Vector256.Exp(_negativeDecayLow * d) + _coefficientHigh * Vector256.Exp(_negativeDecayHigh * d);
        return Vector256.Sum(sum) / d2;
    }

    /// <summary>The indoor low-frequency energy at 8 m/s (0 when no spectrum).</summary>
    public double LowFrequencyEnergy8(double l2, bool summerHouse)
    {
        if (LfDecay is null)
            return 0;
        var c = summerHouse ? LfCoefficientSummerHouse! : LfCoefficientDwelling!;
        var d2 = l2 + HubHeightM * HubHeightM;
        var d = Math.Sqrt(d2);
        var sum = 0.0;
        for (var t = 0; t < c.Length; t++)
            sum += c[t] * Math.Exp(-LfDecay[t] * d);
        return sum / d2;
    }

    /// <summary>The level at 8 m/s at horizontal distance l (dB(A)).</summary>
    public double Level8(double l) => NoiseBands.Level(Energy8(l * l));

    /// <summary>The level at 6 m/s at horizontal distance l (dB(A)).</summary>
    public double Level6(double l) => NoiseBands.Level(Energy8(l * l) * Ratio6To8);

    /// <summary>The horizontal distance at which the 8 m/s level falls to <paramref name="level"/> (0 when it is below it everywhere).</summary>
    public double DistanceTo8(double level) => DistanceWhere(l => Level8(l), level);

    /// <summary>The horizontal distance at which the 6 m/s level falls to <paramref name="level"/>.</summary>
    public double DistanceTo6(double level) => DistanceWhere(l => Level6(l), level);

    private double Cutoff(NoiseRules rules)
    {
        var reach = Math.Max(DistanceTo8(rules.LowestLimit8 - rules.CutoffMargin), DistanceTo6(rules.LowestLimit6 - rules.CutoffMargin));
        if (LfDecay is not null)
        {
            var threshold = rules.LimitLowFrequencyIndoor - rules.CutoffMargin;
            var ratio = Math.Max(Ratio6To8, 1);
            reach = Math.Max(reach, Math.Max(
                DistanceWhere(l => NoiseBands.Level(LowFrequencyEnergy8(l * l, false) * ratio), threshold),
                DistanceWhere(l => NoiseBands.Level(LowFrequencyEnergy8(l * l, true) * ratio), threshold)));
        }
        return reach;
    }

    /// <summary>Bisection on a level that falls with distance: the horizontal distance where it equals the target (to 1 cm).</summary>
    private static double DistanceWhere(Func<double, double> level, double target)
    {
        if (level(0) <= target)
            return 0;
        double low = 0, high = 1_000;
        while (level(high) > target)
        {
            high *= 2;
            if (high > 1e7)
                return high;
        }
        while (high - low > 0.01)
        {
            var mid = (low + high) / 2;
            if (level(mid) > target)
                low = mid;
            else
                high = mid;
        }
        return (low + high) / 2;
    }

    /// <summary>A spectrum's band levels relative to its own energy total (so that they sum to 0 dB).</summary>
    private static double[] Relative(IReadOnlyList<double> spectrum)
    {
        var total = NoiseBands.EnergySum(spectrum);
        return [.. spectrum.Select(s => s - total)];
    }
}
