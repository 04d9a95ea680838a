using NetTopologySuite.Geometries;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// The raster engine: its building blocks against brute force (every cell against every point), and the whole engine
/// against the per-cell engine and hand-computed values on the hand-made data of <see cref="SitingEngineTests"/>.
/// </summary>
public sealed class RasterSitingEngineTests
{
    private static readonly RasterGrid Grid = new(590_000, 6_204_000, 100, 70, 45);

    private static List<(double X, double Y)> RandomPoints(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (589_000 + random.NextDouble() * 9_000, 6_199_000 + random.NextDouble() * 6_500)).ToList();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(400, 3)]
    public void The_distance_transform_is_within_the_strip_width_above_brute_force(int count, int seed)
    {
        var points = RandomPoints(count, seed);
        var distance = new float[Grid.Count];
        var nearest = new int[Grid.Count];
        PointDistanceTransform.Compute(Grid, points, distance, nearest);
        var strip = PointDistanceTransform.StripWidth(Grid.CellSize);
        for (var r = 0; r < Grid.Rows; r++)
        {
            for (var c = 0; c < Grid.Columns; c++)
            {
                double x = Grid.CentreX(c), y = Grid.CentreY(r);
                var exact = points.Min(p => Math.Sqrt((p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y)));
                var i = (long)r * Grid.Columns + c;
                Assert.InRange(distance[i], exact - 1e-3, exact + strip + 1e-3);
                var to = points[nearest[i]];
                Assert.Equal(Math.Sqrt((to.X - x) * (to.X - x) + (to.Y - y) * (to.Y - y)), distance[i], 1e-2);
            }
        }
    }

    [Theory]
    [InlineData(RadiusKernel.ClosedDisc)]
    [InlineData(RadiusKernel.OpenDisc)]
    [InlineData(RadiusKernel.Cone)]
    public void Radius_sums_equal_brute_force(RadiusKernel kernel)
    {
        var random = new Random(11);
        var items = RandomPoints(300, 5).Select(p => new RadiusItem(GeometryTransforms.Utm32Point(p.X, p.Y), 200 + random.NextDouble() * 2_000, random.Next(1, 5))).ToList();
        // Points exactly on a cell centre's circle: closed discs count them, open ones do not.
        items.Add(new RadiusItem(GeometryTransforms.Utm32Point(Grid.CentreX(10), Grid.CentreY(10)), 300, 100));
        var sums = new double[Grid.Count];
        RadiusSums.Sum(Grid, items, kernel, sums);
        for (var r = 0; r < Grid.Rows; r++)
        {
            for (var c = 0; c < Grid.Columns; c++)
            {
                var centre = new Coordinate(Grid.CentreX(c), Grid.CentreY(r));
                var expected = items.Sum(item =>
                {
                    var d = item.Geometry.Coordinate.Distance(centre);
                    return kernel switch
                    {
                        RadiusKernel.ClosedDisc => d <= item.Radius ? item.Weight : 0,
                        RadiusKernel.OpenDisc => d < item.Radius ? item.Weight : 0,
                        _ => d < item.Radius ? item.Weight * (1 - d / item.Radius) : 0,
                    };
                });
                Assert.Equal(expected, sums[(long)r * Grid.Columns + c], 1e-6);
            }
        }
    }

    [Fact]
    public void Polygons_are_burnt_by_their_cell_centres_with_holes()
    {
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var shell = factory.CreateLinearRing([new(590_000, 6_200_000), new(591_000, 6_200_000), new(591_000, 6_201_000), new(590_000, 6_201_000), new(590_000, 6_200_000)]);
        var hole = factory.CreateLinearRing([new(590_300, 6_200_300), new(590_700, 6_200_300), new(590_700, 6_200_700), new(590_300, 6_200_700), new(590_300, 6_200_300)]);
        var burnt = PolygonRasteriser.Burn(Grid, [factory.CreatePolygon(shell, [hole])]);
        // 10 × 10 cells of 100 m in the square, less the 4 × 4 in the hole.
        Assert.Equal(84, burnt.Count(b => b == 0));
        Assert.Equal(0, burnt[Index(590_050, 6_200_050)]);
        Assert.Equal(-1, burnt[Index(590_450, 6_200_450)]);
        Assert.Equal(-1, burnt[Index(591_050, 6_200_050)]);
    }

    [Fact]
    public void The_engine_gives_hand_computed_values_at_a_cell()
    {
        var profile = SitingEngineTests.Profile(
            new CriterionSpec("heat-distance", 1, 2000, 0),
            new CriterionSpec("dwelling-distance", 1, 0, 1000),
            new CriterionSpec("renewable-mw", 1, 0, 10) { RadiusM = 5000 },
            new CriterionSpec("points-count", 1, 0, 2) { Layer = "schools", RadiusM = 3500 },
            new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs" });
        var inputs = SitingEngineTests.Inputs(SitingEngineTests.Turbine("t1", 598000, 6200000, 3600));
        var raster = new RasterSitingEngine(inputs).Run(profile, [inputs.Municipalities[0].Geometry], 100);

        // Municipality 0101 is 10 × 20 km: 100 × 200 cells of 100 m, all land.
        Assert.Equal((100, 200), (raster.Grid.Columns, raster.Grid.Rows));
        var at = Index(raster.Grid, 595_050, 6_200_050);
        Assert.Equal(Math.Sqrt(950 * 950 + 50 * 50), raster.Bands[0][at], 1e-2);   // heat plant at (596000, 6200000)
        Assert.Equal(Math.Sqrt(250 * 250 + 350 * 350), raster.Bands[1][at], 1e-2); // dwelling at (595300, 6200400)
        Assert.Equal(3.6, raster.Bands[2][at], 1e-6);                               // t1 is 2,950 m east
        Assert.Equal(1, raster.Bands[3][at]);                                       // schools 2,950 m and 4,050 m away
        Assert.Equal(31.5, raster.Bands[4][at], 1e-6);
        // t1 (H = 100 m) excludes cell centres closer than 400 m: the cell at (597650, 6200050) is 350.4 m away, (597550, …) 450 m.
        Assert.Equal((byte)CellStatus.MinimumDistance, raster.Status[Index(raster.Grid, 597_650, 6_200_050)]);
        Assert.Equal((byte)CellStatus.Ranked, raster.Status[Index(raster.Grid, 597_550, 6_200_050)]);
        Assert.True(double.IsNaN(raster.Score[Index(raster.Grid, 597_650, 6_200_050)]));
    }

    [Fact]
    public async Task The_engine_agrees_with_the_per_cell_engine_on_every_cell()
    {
        var profile = SitingEngineTests.Profile(
            new CriterionSpec("power-price", 2, 1.2, 0.8),
            new CriterionSpec("heat-distance", 1, 2000, 0) { RequiredMax = 6000 },
            new CriterionSpec("heat-size", 1, 0, 10),
            new CriterionSpec("dwelling-distance", 1, 0, 1000),
            new CriterionSpec("population", 1, 0, 100_000) { RadiusM = 3000 },
            new CriterionSpec("renewable-mw", 1, 0, 10) { RadiusM = 5000 },
            new CriterionSpec("points-distance", 1, 10_000, 0) { Layer = "schools" },
            new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs" });
        var inputs = SitingEngineTests.Inputs(SitingEngineTests.Turbine("t1", 598000, 6200000, 3600), SitingEngineTests.Turbine("t2", 603000, 6195500, 2000));
        var areas = inputs.Municipalities.Select(m => m.Geometry).ToList();
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, 500);
        var perCell = await SitingEngineTests.Engine(inputs, profile).RunAsync(profile, CandidateGrid.Over(areas, 500), "test", 500);

        Assert.Equal(perCell.Sites.Count, raster.CountOf(s => s != CellStatus.Outside));
        Assert.Equal(perCell.Ranked.Count(), raster.CountOf(s => s == CellStatus.Ranked));
        foreach (var site in perCell.Sites)
        {
            var i = Index(raster.Grid, site.Candidate.Position.X, site.Candidate.Position.Y);
            Assert.Equal(site.ExcludedBecause is null, raster.Status[i] == (byte)CellStatus.Ranked);
            if (site.Score is { } score)
                Assert.Equal(score, raster.Score[i], 1e-3);
        }
        var top = raster.Top(50).Select(i => raster.Grid.CellId((int)(i % raster.Grid.Columns), (int)(i / raster.Grid.Columns)));
        Assert.Equal(perCell.Ranked.Take(50).Select(s => s.Candidate.Id), top);
    }

    [Fact]
    public async Task Oxygen_demand_sums_tonnes_within_the_radius_and_a_municipal_figure_beats_the_regional_one()
    {
        var profile = SitingEngineTests.Profile(
            new CriterionSpec("oxygen-demand", 1, 0, 1000) { Layer = "oxygen-users", RadiusM = 3500 },
            new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs" });
        var inputs = SitingEngineTests.Inputs() with
        {
            WeightedLayers = new Dictionary<string, IReadOnlyList<(Point Point, double Value)>>
            {
                ["oxygen-users"] = [(GeometryTransforms.Utm32Point(595000, 6203000), 800), (GeometryTransforms.Utm32Point(595000, 6196000), 1200)],
            },
            RegionalFigures = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["state-jobs"] = new Dictionary<string, double> { ["1084"] = 31.5, ["0101"] = 12 } },
        };
        var areas = inputs.Municipalities.Select(m => m.Geometry).ToList();
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, 100);
        var engine = SitingEngineTests.Engine(inputs, profile);

        // (595050, 6200050): the first user is √(50² + 2,950²) ≈ 2,950 m away (inside 3.5 km), the second 4,050 m (outside).
        var at = Index(raster.Grid, 595_050, 6_200_050);
        Assert.Equal(800, raster.Bands[0][at]);
        Assert.Equal(12, raster.Bands[1][at]);   // municipality 0101 has its own figure
        var site = await engine.ExplainAsync(profile, new Candidate("x", GeometryTransforms.Utm32Point(595_050, 6_200_050)));
        Assert.Equal(800, site.Values[0].Value);
        Assert.Equal(12, site.Values[1].Value);
        // (605050, 6200050) lies in 0147, which has none: the region's 31.5.
        Assert.Equal(31.5, raster.Bands[1][Index(raster.Grid, 605_050, 6_200_050)], 1e-6);
        Assert.Equal(31.5, (await engine.ExplainAsync(profile, new Candidate("y", GeometryTransforms.Utm32Point(605_050, 6_200_050)))).Values[1].Value);
    }

    [Theory]
    [InlineData(1000)] // the population raster's own cells: the per-cell engine's sums, added in its order
    [InlineData(500)]  // any other grid: radius sums over the population cells
    public void People_within_a_radius_equal_the_per_cell_engine_at_every_cell(double cell)
    {
        var inputs = SitingEngineTests.Inputs();
        var areas = inputs.Municipalities.Select(m => m.Geometry).ToList();
        var profile = SitingEngineTests.Profile(new CriterionSpec("population", 1, 0, 100_000) { RadiusM = 3_700 });
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, cell);
        var exact = new PopulationRaster(inputs.Municipalities, inputs.Population);
        for (var r = 0; r < raster.Grid.Rows; r++)
        {
            for (var c = 0; c < raster.Grid.Columns; c++)
            {
                // 1,000 people per km² in 0101 (x < 600 km), none in 0147.
                var expected = (float)Math.Round(exact.Within(raster.Grid.CentreX(c), raster.Grid.CentreY(r), 3_700));
                Assert.Equal(expected, raster.Bands[0][(long)r * raster.Grid.Columns + c]);
            }
        }
        // At 1 km, the cell centred (595500, 6200500) in 0101 reaches the cells whose centres lie within 3.7 km: rows 0, ±1 and ±2
        // km away hold 7 each (|dx| ≤ 3 km), rows ±3 km hold 5 (dx² ≤ 3.7² − 9): 45 cells of 1,000 people.
        if (cell == 1000)
            Assert.Equal(45_000, raster.Bands[0][Index(raster.Grid, 595_500, 6_200_500)]);
    }

    [Fact]
    public void Missing_optional_layers_are_named()
    {
        var profile = SitingEngineTests.Profile(new CriterionSpec("heat-distance", 1, 2000, 0), new CriterionSpec("oxygen-demand", 1, 0, 100) { Layer = "oxygen-users", Optional = true });
        var inputs = SitingEngineTests.Inputs();
        var raster = new RasterSitingEngine(inputs).Run(profile, [inputs.Municipalities[0].Geometry], 1000);
        Assert.Contains("missing layers: oxygen-users", raster.Notes.Select(n => n.Text));
        Assert.Single(raster.Criteria);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        var inputs = SitingEngineTests.Inputs();
        var profile = SitingEngineTests.Profile(new CriterionSpec("heat-distance", 1, 2000, 0));
        Assert.ThrowsAny<OperationCanceledException>(() => new RasterSitingEngine(inputs).Run(profile, [inputs.Municipalities[0].Geometry], 100, new CancellationToken(canceled: true)));
    }

    private static long Index(double x, double y) => Index(Grid, x, y);

    private static long Index(RasterGrid grid, double x, double y) => grid.CellAt(x, y) is var (c, r) ? (long)r * grid.Columns + c : throw new ArgumentException("outside");
}
