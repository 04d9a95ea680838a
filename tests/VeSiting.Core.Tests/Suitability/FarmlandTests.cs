using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// The farmland criterion: the share of each cell a polygon layer covers, by area. Every expected share is worked out by
/// hand on 100 m cells (a cell is 10,000 m²); one test compares with NetTopologySuite's overlay, an independent computation.
/// </summary>
public sealed class FarmlandTests
{
    // 10 × 6 cells of 100 m: x 590,000–591,000, y 6,199,400–6,200,000 (row 0 is the northernmost).
    private static readonly RasterGrid Grid = new(590_000, 6_200_000, 100, 10, 6);
    private static readonly WKTReader Reader = new();

    private static Geometry Wkt(string wkt) => GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(Reader.Read(wkt));

    private static float Share(float[] shares, double x, double y) => shares[Grid.CellAt(x, y) is var (c, r) ? (long)r * Grid.Columns + c : throw new ArgumentException("outside")];

    [Fact]
    public void A_square_covering_a_quarter_of_a_cell_gives_a_quarter()
    {
        // 50 × 50 m in the south-west quarter of the cell x 590,200–590,300, y 6,199,700–6,199,800.
        var shares = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((590200 6199700, 590250 6199700, 590250 6199750, 590200 6199750, 590200 6199700))")]);
        Assert.Equal(0.25f, Share(shares, 590_250, 6_199_750), 6);
        Assert.Equal(0.25f, shares.Sum(), 5); // nothing anywhere else
    }

    [Fact]
    public void A_cell_sized_square_offset_by_half_a_cell_covers_four_quarters()
    {
        var shares = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((590450 6199650, 590550 6199650, 590550 6199750, 590450 6199750, 590450 6199650))")]);
        foreach (var (x, y) in new[] { (590_420, 6_199_620), (590_520, 6_199_620), (590_420, 6_199_720), (590_520, 6_199_720) })
            Assert.Equal(0.25f, Share(shares, x, y), 6);
        Assert.Equal(1f, shares.Sum(), 5);
    }

    [Fact]
    public void A_triangle_on_the_diagonal_covers_half_a_cell_and_a_shallow_one_a_sixth_a_half_and_five_sixths()
    {
        var half = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((590100 6199500, 590200 6199500, 590100 6199600, 590100 6199500))")]);
        Assert.Equal(0.5f, Share(half, 590_150, 6_199_550), 6);
        Assert.Equal(0.5f, half.Sum(), 5);

        // Under the line y = x / 3 from (590,000, 6,199,400) to (590,300, 6,199,500): one row, three cells. Cell 1 holds a
        // triangle of 100 × 33.3 / 2 m² (1/6); cell 2 a trapezoid of mean height 50 m (1/2); cell 3 of mean height 83.3 m (5/6).
        var shallow = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((590000 6199400, 590300 6199400, 590300 6199500, 590000 6199400))")]);
        Assert.Equal(1 / 6f, Share(shallow, 590_050, 6_199_450), 5);
        Assert.Equal(0.5f, Share(shallow, 590_150, 6_199_450), 5);
        Assert.Equal(5 / 6f, Share(shallow, 590_250, 6_199_450), 5);
        Assert.Equal(1.5f, shallow.Sum(), 4);
    }

    [Fact]
    public void Holes_are_taken_out_and_polygons_beyond_the_grid_are_cut_at_its_edge()
    {
        // 3 × 3 whole cells with a 50 × 50 m hole in the middle one (either ring direction).
        var holed = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((590600 6199600, 590900 6199600, 590900 6199900, 590600 6199900, 590600 6199600), (590720 6199720, 590720 6199770, 590770 6199770, 590770 6199720, 590720 6199720))")]);
        Assert.Equal(0.75f, Share(holed, 590_750, 6_199_750), 6);
        Assert.Equal(1f, Share(holed, 590_650, 6_199_650), 6);
        Assert.Equal(8.75f, holed.Sum(), 4);

        // From 1 km west of the grid and 1 km north of it to x 590,150, y 6,199,900: column 0 whole, column 1 half, rows 0 (whole).
        var beyond = CoverageRasteriser.Shares(Grid, [Wkt("POLYGON ((589000 6199900, 590150 6199900, 590150 6201000, 589000 6201000, 589000 6199900))")]);
        Assert.Equal(1f, Share(beyond, 590_050, 6_199_950), 6);
        Assert.Equal(0.5f, Share(beyond, 590_150, 6_199_950), 6);
        Assert.Equal(1.5f, beyond.Sum(), 5);
    }

    [Fact]
    public void Random_polygons_agree_with_the_overlay_of_each_cell()
    {
        var random = new Random(7);
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        for (var n = 0; n < 20; n++)
        {
            // A star-shaped polygon (never self-intersecting) of 12 vertices around a random centre, partly off the grid.
            var (cx, cy) = (589_900 + random.NextDouble() * 1_200, 6_199_300 + random.NextDouble() * 800);
            var ring = Enumerable.Range(0, 12).Select(k =>
            {
                var angle = 2 * Math.PI * k / 12;
                var radius = 30 + random.NextDouble() * 250;
                return new Coordinate(cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
            }).ToList();
            ring.Add(ring[0].Copy());
            var polygon = factory.CreatePolygon(ring.ToArray());
            var shares = CoverageRasteriser.Shares(Grid, [polygon]);
            for (var r = 0; r < Grid.Rows; r++)
            {
                for (var c = 0; c < Grid.Columns; c++)
                {
                    var west = Grid.West + c * Grid.CellSize;
                    var north = Grid.North - r * Grid.CellSize;
                    var cell = factory.ToGeometry(new Envelope(west, west + Grid.CellSize, north - Grid.CellSize, north));
                    var expected = polygon.Intersection(cell).Area / cell.Area;
                    Assert.True(Math.Abs(expected - shares[(long)r * Grid.Columns + c]) < 1e-4, $"{n} r{r} c{c}: {expected} vs {shares[(long)r * Grid.Columns + c]} {polygon}");
                }
            }
        }
    }

    [Fact]
    public async Task Both_engines_give_the_share_and_a_missing_layer_is_named()
    {
        var profile = SitingEngineTests.Profile(new CriterionSpec("heat-distance", 1, 2000, 0), new CriterionSpec("farmland", 1, 0, 1) { Layer = "fields", Optional = true });
        // A field of 150 × 100 m: the cell x 595,000–595,100, y 6,200,000–6,200,100 wholly, the one east of it half.
        var field = Wkt("POLYGON ((595000 6200000, 595150 6200000, 595150 6200100, 595000 6200100, 595000 6200000))");
        var inputs = SitingEngineTests.Inputs() with { PolygonLayers = new Dictionary<string, IReadOnlyList<Geometry>> { ["fields"] = [field] } };
        var areas = inputs.Municipalities.Select(m => m.Geometry).ToList();
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, 100);
        var at = raster.Grid.CellAt(595_150, 6_200_050) is var (c, r) ? (long)r * raster.Grid.Columns + c : -1;
        Assert.Equal(0.5f, raster.Bands[1][at], 6);
        Assert.Equal(1f, raster.Bands[1][at - 1], 6);

        var engine = SitingEngineTests.Engine(inputs, profile);
        var cell = RasterRanking.Cell(raster.Grid, at);
        var site = await engine.ExplainAsync(profile, cell);
        Assert.Equal(0.5, site.Values[1].Value!.Value, 9);
        Assert.Contains("50 % of the site's area lies in fields", site.Values[1].Why.Text);
        Assert.Equal(1, (await engine.ExplainAsync(profile, new Candidate("p", GeometryTransforms.Utm32Point(595_010, 6_200_010)))).Values[1].Value);
        Assert.Equal(0, (await engine.ExplainAsync(profile, new Candidate("q", GeometryTransforms.Utm32Point(595_010, 6_199_990)))).Values[1].Value);

        var without = new RasterSitingEngine(SitingEngineTests.Inputs()).Run(profile, areas, 1000);
        Assert.Contains("missing layers: fields", without.Notes.Select(n => n.Text));
        Assert.Contains(without.Notes, n => n.Text.Contains("no polygon layer 'fields'", StringComparison.Ordinal));
    }
}
