namespace VeSiting.Core.Noise;

/// <summary>The low-frequency part of the method: per 1/3-octave band 10–160 Hz the air absorption (dB/km), the ground term and the façade insulation of dwellings and of summer houses (dB).</summary>
public sealed record LowFrequencyMethod(double[] AirAbsorptionDbPerKm, double[] GroundTerm, double[] InsulationDwelling, double[] InsulationSummerHouse);

/// <summary>How sound power is estimated where a turbine has no data: L_WA = a + b·lg(x) for rotor diameter (m) or capacity (kW), and the spread of that fit.</summary>
public sealed record SoundPowerFit(double DiameterIntercept8, double DiameterSlope8, double DiameterIntercept6, double DiameterSlope6,
    double CapacityIntercept8, double CapacitySlope8, double CapacityIntercept6, double CapacitySlope6, double? Spread8,
    double MinRotorDiameter = 0, double MaxRotorDiameter = double.MaxValue, double MinCapacity = 0, double MaxCapacity = double.MaxValue);

/// <summary>
/// The noise order's limits and calculation method (the <c>noise</c> rule set) with the assumptions VeSiting makes where data is
/// missing (the <c>noise-estimates</c> rule set). No number here is typed into code: <see cref="From"/> reads them all from the rules
/// and records in the answer's <see cref="Provenance"/> the ones an answer relies on.
/// </summary>
public sealed class NoiseRules
{
    public required double LimitOpenCountry8 { get; init; }
    public required double LimitOpenCountry6 { get; init; }
    public required double LimitNoiseSensitive8 { get; init; }
    public required double LimitNoiseSensitive6 { get; init; }
    public required double LimitLowFrequencyIndoor { get; init; }
    /// <summary>The constant subtracted in the method (11 dB).</summary>
    public required double GeometricTerm { get; init; }
    /// <summary>ΔL_g on land.</summary>
    public required double GroundTerm { get; init; }
    /// <summary>α per octave band 63 Hz–8 kHz, dB/km.</summary>
    public required double[] AirAbsorptionDbPerKm { get; init; }
    /// <summary>Null when the rule set carries no low-frequency rows: then no low-frequency finding is possible.</summary>
    public LowFrequencyMethod? LowFrequency { get; init; }
    /// <summary>A-weighted octave levels relative to the total, assumed where no spectrum is given.</summary>
    public required double[] DefaultOctaveShape { get; init; }
    public required SoundPowerFit SoundPower { get; init; }
    /// <summary>A turbine is left out at a dwelling where its own level is below the lowest limit less this margin.</summary>
    public required double CutoffMargin { get; init; }
    /// <summary>The sound power a turbine can plausibly have; a value outside it is refused.</summary>
    public required AcousticsRange Range { get; init; }

    public RuleSetRef? Ref { get; init; }
    public RuleSetRef? EstimatesRef { get; init; }

    private RuleSet? _noise;
    private RuleSet? _estimates;

    /// <summary>The lowest outdoor limit at 8 and at 6 m/s (noise-sensitive land use): bounds how far a turbine can matter.</summary>
    public double LowestLimit8 => Math.Min(LimitOpenCountry8, LimitNoiseSensitive8);
    public double LowestLimit6 => Math.Min(LimitOpenCountry6, LimitNoiseSensitive6);

    /// <summary>The rules in force on <paramref name="judgedOn"/> (noise is judged by today's order, not by a permit date).</summary>
    /// <exception cref="RulePeriodException">No noise rule set (or no noise estimates) covers the date.</exception>
    public static NoiseRules From(RuleBook book, DateOnly judgedOn, Provenance provenance)
    {
        var noise = book.Require(Schemes.Noise, judgedOn);
        var estimates = book.Require(Schemes.NoiseEstimates, judgedOn);
        double Use(RuleSet set, string key) => provenance.Use(set, key).Value;
        double Peek(RuleSet set, string key) => set[key].Value;
        double[] Octaves(RuleSet set, string prefix, Func<RuleSet, string, double> read) => [.. NoiseBands.Octaves.Select(b => read(set, $"{prefix}{b}Hz"))];
        double[]? Thirds(string prefix)
        {
            var keys = NoiseBands.LowFrequencyThirds.Select(b => $"{prefix}{b}Hz").ToList();
            return keys.All(k => noise.Optional(k) is not null) ? [.. keys.Select(k => noise[k].Value)] : null;
        }
        var lfAlpha = Thirds("lfAirAbsorption");
        var lfGround = Thirds("lfGroundTermOnshore");
        var lfDwelling = Thirds("lfInsulationDwelling");
        var lfSummer = Thirds("lfInsulationSummerHouse");
        return new NoiseRules
        {
            LimitOpenCountry8 = Use(noise, "limitOpenCountry8ms"),
            LimitOpenCountry6 = Use(noise, "limitOpenCountry6ms"),
            LimitNoiseSensitive8 = Use(noise, "limitNoiseSensitive8ms"),
            LimitNoiseSensitive6 = Use(noise, "limitNoiseSensitive6ms"),
            LimitLowFrequencyIndoor = Use(noise, "limitLowFrequencyIndoor"),
            GeometricTerm = Use(noise, "geometricTerm"),
            GroundTerm = Use(noise, "groundTermOnshore"),
            AirAbsorptionDbPerKm = Octaves(noise, "airAbsorption", Use),
            LowFrequency = lfAlpha is not null && lfGround is not null && lfDwelling is not null && lfSummer is not null
                ? new LowFrequencyMethod(lfAlpha, lfGround, lfDwelling, lfSummer) : null,
            DefaultOctaveShape = Octaves(estimates, "defaultOctaveShape", Peek),
            SoundPower = new SoundPowerFit(
                Peek(estimates, "lwaByRotorDiameterIntercept8ms"), Peek(estimates, "lwaByRotorDiameterSlope8ms"),
                Peek(estimates, "lwaByRotorDiameterIntercept6ms"), Peek(estimates, "lwaByRotorDiameterSlope6ms"),
                Peek(estimates, "lwaByCapacityIntercept8ms"), Peek(estimates, "lwaByCapacitySlope8ms"),
                Peek(estimates, "lwaByCapacityIntercept6ms"), Peek(estimates, "lwaByCapacitySlope6ms"),
                estimates.Optional("lwaEstimateSpread8ms")?.Value,
                estimates.Optional("lwaFitMinRotorDiameter")?.Value ?? 0, estimates.Optional("lwaFitMaxRotorDiameter")?.Value ?? double.MaxValue,
                estimates.Optional("lwaFitMinCapacity")?.Value ?? 0, estimates.Optional("lwaFitMaxCapacity")?.Value ?? double.MaxValue),
            CutoffMargin = Use(estimates, "cutoffMargin"),
            Range = AcousticsRange.From(estimates),
            Ref = noise.Ref,
            EstimatesRef = estimates.Ref,
            _noise = noise,
            _estimates = estimates,
        };
    }

    /// <summary>Records the low-frequency rows as used (call when an answer gives a low-frequency level).</summary>
    public void UseLowFrequency(Provenance provenance)
    {
        if (_noise is null)
            return;
        foreach (var prefix in new[] { "lfAirAbsorption", "lfGroundTermOnshore", "lfInsulationDwelling", "lfInsulationSummerHouse" })
        {
            foreach (var band in NoiseBands.LowFrequencyThirds)
                provenance.UseOptional(_noise, $"{prefix}{band}Hz");
        }
    }

    /// <summary>Records the default octave shape as used (a turbine without a spectrum).</summary>
    public void UseDefaultShape(Provenance provenance)
    {
        if (_estimates is null)
            return;
        foreach (var band in NoiseBands.Octaves)
            provenance.Use(_estimates, $"defaultOctaveShape{band}Hz");
    }

    /// <summary>Records the sound power fit as used (a turbine without data).</summary>
    public void UseSoundPowerFit(Provenance provenance, bool byDiameter)
    {
        if (_estimates is null)
            return;
        var by = byDiameter ? "RotorDiameter" : "Capacity";
        foreach (var key in new[] { $"lwaBy{by}Intercept8ms", $"lwaBy{by}Slope8ms", $"lwaBy{by}Intercept6ms", $"lwaBy{by}Slope6ms" })
            provenance.Use(_estimates, key);
        foreach (var key in new[] { $"lwaFitMin{by}", $"lwaFitMax{by}" })
            provenance.UseOptional(_estimates, key);
        provenance.UseOptional(_estimates, "lwaEstimateSpread8ms");
    }
}
