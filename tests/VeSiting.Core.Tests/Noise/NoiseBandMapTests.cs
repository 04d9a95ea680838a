using NetTopologySuite.Geometries;
using VeSiting.Core.Noise;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Noise;

/// <summary>Noise bands at the limits from the grid, against the figures of Independent/noise_method.py ("bands").</summary>
public sealed class NoiseBandMapTests
{
    private static readonly NoiseRules Rules = TestNoiseRules.Create();
    private static readonly GeometryFactory Factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
    private static readonly Envelope Everywhere = new(-1e5, 1e5, -1e5, 1e5);

    [Fact]
    public void One_turbine_makes_discs_out_to_where_it_meets_each_limit()
    {
        // noise_method.py: L_WA 104.0, h 100 reaches 44.05 dB(A) (44.0 once rounded to 0.1, not over) at l = 280.27 m and 39.05 at 488.83 m.
        // At 6 m/s the turbine is 2.0 dB quieter and the limits (42, 37) 2.0 dB lower: the same discs. Cells of 10 m: the outline's
        // half-width is the radius to within one cell.
        var map = NoiseBandMap.Compute([TestNoiseRules.Turbine("t", 0, 0)], Rules, Everywhere, 10, 10_000_000, Factory)!;
        var bands = map.Bands.ToDictionary(b => b.Band.Id);

        Assert.Equal(["open-country-8", "open-country-6", "noise-sensitive-8", "noise-sensitive-6"], map.Bands.Select(b => b.Band.Id));
        Assert.Equal([44.0, 42.0, 39.0, 37.0], map.Bands.Select(b => b.Band.Limit));
        foreach (var (id, radius) in new[] { ("open-country-8", 280.27), ("open-country-6", 280.27), ("noise-sensitive-8", 488.83), ("noise-sensitive-6", 488.83) })
        {
            var area = bands[id].Area;
            Assert.True(area.IsValid);
            Assert.Equal(1, area.NumGeometries);
            Assert.InRange(area.EnvelopeInternal.MaxX, radius - 10, radius + 10);
            Assert.InRange(-area.EnvelopeInternal.MinX, radius - 10, radius + 10);
            Assert.Equal(Math.PI * radius * radius, area.Area, Math.PI * radius * radius * 0.05);
        }
    }

    [Fact]
    public void Two_turbines_together_are_over_where_neither_is_alone()
    {
        // Turbines at x = ±300: each gives 43.4715 at the origin (under 44), together 46.4818 (over); the 44.05 contour crosses
        // the y axis at ±256.52 m (noise_method.py). Alone, neither's 44 disc (280.27 m) reaches the origin.
        var map = NoiseBandMap.Compute([TestNoiseRules.Turbine("a", -300, 0), TestNoiseRules.Turbine("b", 300, 0)], Rules, Everywhere, 10, 10_000_000, Factory)!;
        var open8 = map.Bands.Single(b => b.Band.Id == "open-country-8").Area;

        Assert.Equal(1, open8.NumGeometries);
        Assert.True(open8.Covers(Factory.CreatePoint(new Coordinate(0, 0))));
        var onAxis = open8.Intersection(Factory.CreateLineString([new Coordinate(0, -1000), new Coordinate(0, 1000)]));
        Assert.InRange(onAxis.EnvelopeInternal.MaxY, 256.52 - 10, 256.52 + 10);
        Assert.InRange(-onAxis.EnvelopeInternal.MinY, 256.52 - 10, 256.52 + 10);
    }

    [Fact]
    public void The_grid_agrees_with_the_field_at_every_cell_centre()
    {
        // The tabulated, row-wise sum against the field's direct sum (the method itself is tested by hand above and in NoiseMethodTests).
        NoiseSource[] sources = [TestNoiseRules.Turbine("a", -300, 40), TestNoiseRules.Turbine("b", 350, -20, hub: 80), TestNoiseRules.Turbine("c", 0, 900, hub: 120)];
        var field = new NoiseField(sources);
        var frame = new GridFrame(-1200, -1000, 37, 70, 80);
        var grid = NoiseGrid.Compute(sources, frame);
        for (var r = 0; r < frame.Rows; r += 3)
        {
            for (var c = 0; c < frame.Columns; c += 3)
            {
                var at = field.At(frame.CentreX(c), frame.CentreY(r));
                var i = r * frame.Columns + c;
                if (at.Turbines == 0)
                {
                    Assert.True(float.IsNegativeInfinity(grid.Level8[i]));
                    continue;
                }
                Assert.Equal(at.Level8, grid.Level8[i], 0.005);
                Assert.Equal(at.Level6, grid.Level6[i], 0.005);
            }
        }
    }

    [Fact]
    public void A_grid_over_the_cap_is_coarsened_and_a_focus_beyond_every_band_gives_nothing()
    {
        var turbine = TestNoiseRules.Turbine("t", 0, 0);
        // Reach of one turbine: where it alone gives 39 − 10·lg 1 = 39 at 8 m/s (491.4 m; 6 m/s the same). At 10 m the grid runs
        // from −500 (⌊−491.4 / 10⌋ × 10) over ⌈991.4 / 10⌉ = 100 columns and rows (10,000 cells, over 2,500); at 20 m from −500 over
        // ⌈991.4 / 20⌉ = 50 (2,500 cells).
        var capped = NoiseBandMap.Compute([turbine], Rules, Everywhere, 10, 2_500, Factory)!;
        Assert.Equal(20, capped.Frame.Cell);
        Assert.Equal((50, 50), (capped.Frame.Columns, capped.Frame.Rows));
        Assert.Null(NoiseBandMap.Compute([turbine], Rules, new Envelope(5_000, 6_000, 5_000, 6_000), 10, 1_000_000, Factory));
    }

    [Theory]
    [InlineData(1, 10.0)]
    [InlineData(2, 10.0)]
    [InlineData(3, 25.0)]
    public void Bands_found_near_their_edges_are_those_of_every_cell_computed(int seed, double cellM)
    {
        // The straightforward evaluation: every cell's levels (NoiseGrid, itself checked against the field above) and each limit's
        // outline from them. Twelve turbines over 3 km, hubs 60–120 m, 98–108 dB(A) at 8 m/s and 1–4 dB less at 6 m/s (so the 6 m/s
        // bands differ from the 8 m/s ones), some close enough that their bands merge and islands form between them.
        var random = new Random(seed);
        var sources = Enumerable.Range(0, 12).Select(i =>
        {
            var lwa8 = 98 + 10 * random.NextDouble();
            var acoustics = new TurbineAcoustics(lwa8 - 1 - 3 * random.NextDouble(), lwa8, TestNoiseRules.Spectrum, null, AcousticsBasis.Layout);
            return new NoiseSource($"t{i}", 3000 * random.NextDouble(), 3000 * random.NextDouble(), 60 + 60 * random.NextDouble(), acoustics, Rules);
        }).ToList();

        var map = NoiseBandMap.Compute(sources, Rules, Everywhere, cellM, 10_000_000, Factory)!;
        var grid = NoiseGrid.Compute(sources, map.Frame);

        Assert.Equal(cellM, map.Frame.Cell);
        foreach (var band in map.Bands)
        {
            var levels = band.Band.WindSpeed == 8 ? grid.Level8 : grid.Level6;
            var expected = GridOutline.Polygons(map.Frame, i => band.Band.IsOver(levels[i]), Factory);
            Assert.False(expected.IsEmpty);
            Assert.True(expected.EqualsExact(band.Area), $"{band.Band.Id} differs");
        }
    }
}
