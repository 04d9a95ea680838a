using VeSiting.Core.Noise;

namespace VeSiting.Core.Tests.Noise;

/// <summary>
/// The noise order's method against hand derivations; every figure is also printed by the independent script
/// Independent/noise_method.py (written from the formula, not from this code).
/// </summary>
public sealed class NoiseMethodTests
{
    private static readonly NoiseRules Rules = TestNoiseRules.Create();

    [Fact]
    public void One_turbine_one_dwelling_band_by_band()
    {
        // h 100 m, l 600 m: l² + h² = 370,000; 10·lg 370,000 = 55.6820; √ = 608.276 m.
        // 63 Hz:  86.0 − 55.6820 − 11 + 1.5 − 0.1 × 0.608276 =  20.7572
        // 125 Hz: 93.0 − 55.6820 − 11 + 1.5 − 0.4 × 0.608276 =  27.5747
        // 250 Hz: 97.0 − 65.1820 − 1.0 × 0.608276            =  31.2097   (55.6820 + 11 − 1.5 = 65.1820)
        // 500 Hz: 98.5 − 65.1820 − 1.9 × 0.608276            =  32.1623
        // 1 kHz:  98.0 − 65.1820 − 3.7 × 0.608276            =  30.5674
        // 2 kHz:  95.0 − 65.1820 − 9.7 × 0.608276            =  23.9177
        // 4 kHz:  89.0 − 65.1820 − 32.8 × 0.608276           =   3.8665
        // 8 kHz:  80.0 − 65.1820 − 117 × 0.608276            = −56.3503
        // Energy sum: 10·lg(10^2.07572 + 10^2.75747 + 10^3.12097 + 10^3.21623 + 10^3.05674 + 10^2.39177 + 10^0.38665 + 10^−5.635) = 37.0295
        double[] expected = [20.7572, 27.5747, 31.2097, 32.1623, 30.5674, 23.9177, 3.8665, -56.3503];
        var bands = NoiseMethod.OctaveLevels(TestNoiseRules.Spectrum, 600, 100, Rules);
        for (var b = 0; b < expected.Length; b++)
            Assert.Equal(expected[b], bands[b], 5e-4);
        Assert.Equal(37.0295, NoiseMethod.Level(TestNoiseRules.Spectrum, 600, 100, Rules), 5e-4);
    }

    [Fact]
    public void Turbine_prepared_for_many_points_gives_the_same_level_as_the_method()
    {
        // The source shifts the stated shape to L_WA 104.0 (the spectrum's own sum is 103.9534): +0.0466 dB on every band,
        // so its level at l 600 is 37.0295 + 0.0466 = 37.0761 at 8 m/s, and 2.0 dB lower at 6 m/s (L_WA 102.0, same shape).
        var turbine = TestNoiseRules.Turbine("t", 0, 0);
        Assert.Equal(37.0761, turbine.Level8(600), 5e-4);
        Assert.Equal(35.0761, turbine.Level6(600), 5e-4);
    }

    [Fact]
    public void Three_turbines_sum_as_energies()
    {
        // L_WA 104.0, stated shape, h 100; the dwelling at the origin, turbines at l 500, 700, 900 m.
        // Singles (noise_method.py): 38.8355, 35.5505, 32.9903; 10·lg(10^3.88355 + 10^3.55505 + 10^3.29903) = 41.2151.
        var field = new NoiseField([TestNoiseRules.Turbine("a", 500, 0), TestNoiseRules.Turbine("b", 0, 700), TestNoiseRules.Turbine("c", -900, 0)]);
        var noise = field.At(0, 0);
        Assert.Equal(3, noise.Turbines);
        Assert.Equal(41.2151, noise.Level8, 5e-4);
        Assert.Equal(41.2151 - 2.0, noise.Level6, 5e-4);
        Assert.Equal([38.8355, 35.5505, 32.9903], field.Contributions(0, 0).Select(c => Math.Round(c.Level8, 4)));
    }

    [Fact]
    public void Distance_at_which_one_turbine_meets_44_and_39()
    {
        // Solved by bisection in noise_method.py: 44.0 dB(A) at l = 281.93 m, 39.0 at l = 491.42 m (L_WA 104.0, h 100).
        var turbine = TestNoiseRules.Turbine("t", 0, 0);
        Assert.Equal(281.93, turbine.DistanceTo8(44), 1);
        Assert.Equal(491.42, turbine.DistanceTo8(39), 1);
        Assert.Equal(44.0, turbine.Level8(281.93), 2);
    }

    [Fact]
    public void Cut_off_is_where_the_turbine_falls_below_the_lowest_limit_less_the_margin()
    {
        // Lowest limits 39 (8 m/s) and 37 (6 m/s), margin 15: 24 at 8 m/s and 22 at 6 m/s. At 6 m/s the turbine is exactly
        // 2.0 dB quieter and the threshold 2.0 dB lower, so both give l = 2036.91 m (noise_method.py).
        var turbine = TestNoiseRules.Turbine("t", 0, 0);
        Assert.Equal(2036.91, turbine.CutoffM, 0);
        var field = new NoiseField([turbine]);
        Assert.Equal(1, field.At(2030, 0).Turbines);
        Assert.Equal(0, field.At(2045, 0).Turbines);
    }

    [Fact]
    public void Without_air_absorption_doubling_the_slant_distance_takes_6_02_dB()
    {
        // α = 0: L = L_WA − 20·lg d − 9.5, so doubling d takes 20·lg 2 = 6.0206 dB. Slant 500 and 1,000 m with h 100:
        // l = √(500² − 100²) = 489.90 and √(1,000² − 100²) = 994.99.
        var rules = TestNoiseRules.Create(alpha: new double[8]);
        var turbine = TestNoiseRules.Turbine("t", 0, 0, rules: rules);
        Assert.Equal(6.0206, turbine.Level8(Math.Sqrt(500 * 500 - 100 * 100)) - turbine.Level8(Math.Sqrt(1000 * 1000 - 100 * 100)), 4);
        foreach (var slant in new[] { 150.0, 400, 2000 })
            Assert.Equal(6.0206, turbine.Level8(Math.Sqrt(slant * slant - 100 * 100)) - turbine.Level8(Math.Sqrt(4 * slant * slant - 100 * 100)), 4);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    public void N_equal_turbines_at_equal_distance_add_10_lg_N(int n)
    {
        // N equal energies: 10·lg(N·E) = 10·lg E + 10·lg N.
        var turbines = Enumerable.Range(0, n).Select(i => TestNoiseRules.Turbine($"t{i}", 700 * Math.Cos(2 * Math.PI * i / n), 700 * Math.Sin(2 * Math.PI * i / n)));
        var single = TestNoiseRules.Turbine("one", 700, 0).Level8(700);
        Assert.Equal(single + 10 * Math.Log10(n), new NoiseField(turbines).At(0, 0).Level8, 6);
    }

    [Fact]
    public void Low_frequency_indoors_by_hand()
    {
        // h 100, l 600: 10·lg(l² + h²) = 55.6820, d = 0.608276 km. Per 1/3 octave L − 55.6820 − 11 + ΔL_g − α·d − ΔL_σ (dwelling):
        // 10 Hz:  40 − 66.6820 + 6.0 − 0      − 4.9  = −25.582
        // 63 Hz:  78 − 66.6820 + 4.3 − 0.0669 − 16.6 =  −1.049
        // 160 Hz: 84 − 66.6820 + 0.0 − 0.3346 − 21.2 =  −4.216
        // … the 13 bands' energy sum is 8.0191 dB (noise_method.py): well within 20 dB.
        var level = NoiseMethod.LowFrequencyIndoor(TestNoiseRules.LowFrequencySpectrum, 600, 100, Rules, summerHouse: false);
        Assert.Equal(8.0191, level, 5e-4);
        var turbine = new NoiseSource("t", 0, 0, 100, new TurbineAcoustics(102, 104, TestNoiseRules.Spectrum, TestNoiseRules.LowFrequencySpectrum, AcousticsBasis.Layout), Rules);
        var noise = new NoiseField([turbine]).At(600, 0);
        Assert.Equal(8.0191, noise.LowFrequencyLevel8!.Value, 5e-4);
        Assert.Equal(6.0191, noise.LowFrequencyLevel6!.Value, 5e-4);
    }

    [Theory]
    [InlineData(250)]
    [InlineData(1_000)]
    [InlineData(3_000)]
    public void The_field_sums_exactly_the_turbines_within_their_cut_off_whatever_its_cell_size(double cellM)
    {
        // 60 turbines of different hub heights (so different cut-offs) over 20 × 20 km; at 2,000 random points the
        // indexed sum equals the plain sum over every turbine within its cut-off, in the same order, to the bit.
        var random = new Random(7);
        var turbines = Enumerable.Range(0, 60).Select(i => TestNoiseRules.Turbine($"t{i}", random.NextDouble() * 20_000, random.NextDouble() * 20_000, hub: 40 + random.NextDouble() * 120)).ToList();
        var field = new NoiseField(turbines, cellM);
        for (var k = 0; k < 2_000; k++)
        {
            var (x, y) = (random.NextDouble() * 24_000 - 2_000, random.NextDouble() * 24_000 - 2_000);
            var expected = 0.0;
            var count = 0;
            foreach (var t in turbines)
            {
                var l2 = (x - t.X) * (x - t.X) + (y - t.Y) * (y - t.Y);
                if (l2 <= t.CutoffM * t.CutoffM)
                    (expected, count) = (expected + t.Energy8(l2), count + 1);
            }
            var noise = field.At(x, y);
            Assert.Equal((expected, count), (noise.Energy8, noise.Turbines));
        }
    }
}
