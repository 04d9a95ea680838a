using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;

namespace VeSiting.Core.Tests.Noise;

public sealed class DwellingNoiseTests
{
    private static readonly NoiseRules Rules = TestNoiseRules.Create();

    [Fact]
    public void Within_the_open_country_limits_but_low_frequency_not_assessable_is_not_a_pass()
    {
        // One turbine (L_WA 104.0/102.0) at l 600: 37.1 dB(A) at 8 m/s, 35.1 at 6 m/s (NoiseMethodTests) ≤ 44/42; no 1/3-octave spectrum.
        var noise = new NoiseField([TestNoiseRules.Turbine("t", 0, 0)]).At(600, 0);
        var judged = DwellingNoise.Judge(noise, NoiseArea.DefaultOpenCountry, Rules, hasPlanned: false);
        Assert.Equal(NoiseVerdict.LowFrequencyNotAssessable, judged.Verdict);
        Assert.False(judged.Complies);
        Assert.Equal(37.1, judged.Level8);
        Assert.Equal(35.1, judged.Level6);
        Assert.Equal(44 - 37.1, judged.Margin8, 9);
        Assert.Null(judged.LowFrequency8);
        Assert.Contains(judged.Reasons, r => r.Code == "noise.low-frequency-not-assessable" && (int)r["turbines"]! == 1);
        Assert.Contains(judged.Reasons, r => r.Code == "noise.within-limits" && r["area"] is Reason { Code: "noise.area-open-country-default" });
    }

    [Fact]
    public void Over_the_noise_sensitive_limit_at_both_speeds()
    {
        // l 400: the turbine meets 39 at 491.42 m, so it is louder here; 37.1 at 600 is under 39 but 35.1 ≤ 37 too.
        // At l 450: between 281.93 (44) and 491.42 (39): over 39 at 8 m/s; at 6 m/s exactly 2 dB less vs a limit 2 dB less: over too.
        var noise = new NoiseField([TestNoiseRules.Turbine("t", 0, 0, planned: true)]).At(450, 0);
        var judged = DwellingNoise.Judge(noise, new NoiseArea(NoiseAreaKind.NoiseSensitive, "Boligområde 1A", FromLayer: true), Rules, hasPlanned: true);
        Assert.Equal(NoiseVerdict.Exceeds, judged.Verdict);
        Assert.True(judged.Over8 && judged.Over6);
        Assert.Equal(judged.Level8, judged.PlannedLevel8);
        Assert.Equal(2, judged.Reasons.Count(r => r.Code == "noise.over-limit"));
        Assert.Contains("noise-sensitive land use: Boligområde 1A", judged.Reasons[0].Text);
    }

    [Fact]
    public void Low_frequency_with_spectra_everywhere_complies()
    {
        var turbine = new NoiseSource("t", 0, 0, 100, new TurbineAcoustics(102, 104, TestNoiseRules.Spectrum, TestNoiseRules.LowFrequencySpectrum, AcousticsBasis.Layout), Rules);
        var judged = DwellingNoise.Judge(new NoiseField([turbine]).At(600, 0), NoiseArea.DefaultOpenCountry, Rules, hasPlanned: false);
        Assert.Equal(NoiseVerdict.Complies, judged.Verdict);
        Assert.Equal(8.0, judged.LowFrequency8);
        Assert.Equal(20 - 8.0, judged.LowFrequencyMargin!.Value, 9);
    }

    [Fact]
    public void Estimate_from_rotor_diameter_follows_the_fit()
    {
        // 91.69 + 6.83 × lg 110 = 91.69 + 6.83 × 2.041393 = 105.6327 at 8 m/s; 75.17 + 14.23 × 2.041393 = 104.2190 at 6 m/s.
        var plant = new VeSiting.Core.Domain.Plant
        {
            Id = "p",
            Kind = VeSiting.Core.Domain.PlantKind.WindTurbine,
            Status = VeSiting.Core.Domain.PlantStatus.Planned,
            Geometry = new NetTopologySuite.Geometries.Point(0, 0),
            Origin = new VeSiting.Core.Domain.RecordOrigin("test", "test", 1),
            RotorDiameterM = 110,
        };
        var estimate = SoundPowerEstimate.For(plant, Rules, new VeSiting.Core.Rules.Provenance())!;
        Assert.Equal(105.6327, estimate.Lwa8, 5e-4);
        Assert.Equal(104.2190, estimate.Lwa6, 5e-4);
        Assert.True(estimate.IsEstimate);
    }

    [Theory]
    [InlineData(102, 104, 7, null, "lwa_octaves_8ms_db")]
    [InlineData(102, 104, null, 12, "lwa_lf_thirds_8ms_db")]
    [InlineData(double.NaN, 104, null, null, "lwa_6ms_db")]
    public void Acoustics_of_the_wrong_shape_name_the_field(double lwa6, double lwa8, int? octaves, int? thirds, string field)
    {
        var problem = TurbineAcoustics.ShapeProblem(lwa6, lwa8, octaves is { } o ? new double[o] : null, thirds is { } t ? new double[t] : null);
        Assert.Equal(field, problem?.Field);
    }

    [Theory]
    [InlineData(59.9, 104, null, "lwa_6ms_db")]
    [InlineData(102, 130.1, null, "lwa_8ms_db")]
    [InlineData(102, 104, -50.1, "lwa_octaves_8ms_db")]
    [InlineData(102, 104, 130.1, "lwa_octaves_8ms_db")]
    [InlineData(60, 130, -50.0, null)]
    public void Acoustics_outside_the_rules_range_name_the_field_and_quote_the_range(double lwa6, double lwa8, double? band, string? field)
    {
        var range = new AcousticsRange(60, 130, -50, "noise-estimates test");
        var problem = range.Problem(lwa6, lwa8, band is { } b ? [b, 90, 90, 90, 90, 90, 90, 90] : null, null);
        Assert.Equal(field, problem?.Field);
        if (field is not null)
            Assert.Contains("(rule set noise-estimates test)", problem!.Value.Reason.Text);
    }

    [Fact]
    public void A_narrower_range_refuses_what_the_wider_one_accepts()
    {
        // 125 dB(A) lies within 60–130 but outside 70–120: the range is the rules', not the code's.
        Assert.Null(new AcousticsRange(60, 130, -50, "wide").Problem(102, 125, null, null));
        Assert.Equal(("lwa_8ms_db", "125 dB(A) is outside 70–120 dB(A) (rule set narrow)"), new AcousticsRange(70, 120, -50, "narrow").Problem(102, 125, null, null) is { } p ? (p.Field, p.Reason.Text) : default);
    }

    [Fact]
    public void A_layout_turbine_outside_the_range_is_refused_naming_file_feature_and_field()
    {
        var plant = new VeSiting.Core.Domain.Plant
        {
            Id = "T1",
            Kind = VeSiting.Core.Domain.PlantKind.WindTurbine,
            Status = VeSiting.Core.Domain.PlantStatus.Planned,
            Geometry = new NetTopologySuite.Geometries.Point(600000, 6200000),
            HubHeightM = 100,
            Origin = new VeSiting.Core.Domain.RecordOrigin("planned-project", "layout.geojson", 3),
            Acoustics = new TurbineAcoustics(102, 125, null, null, AcousticsBasis.Layout),
        };
        var narrow = TestNoiseRules.Create(range: new AcousticsRange(70, 120, -50, "narrow"));

        Assert.True(NoiseSources.For(plant, Rules, new VeSiting.Core.Rules.Provenance(), inProject: true).Included);
        var refused = Assert.Throws<VeSiting.Core.Importing.ImportFailedException>(() => NoiseSources.For(plant, narrow, new VeSiting.Core.Rules.Provenance(), inProject: true));
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("layout.geojson", 3, "lwa_8ms_db"), (error.File, error.Row!.Value, error.Column!));
        Assert.Contains("outside 70–120 dB(A)", error.Reason);
    }
}
