using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Places;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// Places, not neighbouring cells, on a hand-made 6 × 4 grid of 100 m cells (west 0, north 400; row 0 north):
/// <code>
///   row 0:  90  88  10   –  50  52
///   row 1:  87  70  10   –  49  80
///   row 2:  10  10  10   –  10  10
///   row 3:  85  10  10  10  10  95
/// </code>
/// ("–" not ranked). Separation 250 m, tolerance 5 points (a place's cells also lie closer than 250 m to its best cell:
/// every joined cell below is 100 or 141.4 m away). Worked by hand, best first:
/// <list type="number">
/// <item>95 (r3 c5, centre 550/50) starts place 1; no neighbour scores ≥ 90: 1 cell, id 500_0.</item>
/// <item>90 (r0 c0, centre 50/350) is √(500² + 300²) = 583.1 m from place 1: place 2; floor 85 joins 88 (r0 c1) and
///   87 (r1 c0), not 70: 3 cells, 3 ha, id 0_300.</item>
/// <item>85 (r3 c0, centre 50/50) is 300 m from place 2, 500 m from place 1: place 3; floor 80, its neighbours are 10: 1 cell, id 0_0.</item>
/// <item>80 (r1 c5, 550/250) is 200 m from place 1 &lt; 250: passed over. 70 (r1 c1, 150/250) is 141.4 m from place 2: passed over.</item>
/// <item>52 (r0 c5, 550/350) is 300 m from place 1 (the nearest), 500 m from place 2, 583.1 m from place 3: place 4; floor 47
///   joins 50 (r0 c4) and 49 (r1 c4), not 80 (passed over, so no later place takes a better cell): 3 cells, id 500_300.</item>
/// <item>Every 10 lies within 250 m of a place's best cell (e.g. r3 c3 at 350/50 is 200 m from place 1; r0 c2 at 250/350 is 200 m from place 2): no more places.</item>
/// </list>
/// </summary>
public sealed class DistinctSitesTests
{
    private static readonly RasterGrid Grid = new(0, 400, 100, 6, 4);
    private const double N = double.NaN;

    private static readonly double[] Scores =
    [
        90, 88, 10, N, 50, 52,
        87, 70, 10, N, 49, 80,
        10, 10, 10, N, 10, 10,
        85, 10, 10, 10, 10, 95,
    ];

    private static readonly DistinctSiteRule Rule = new(250, 5);

    [Fact]
    public void Contiguous_high_cells_are_one_place_and_places_lie_apart()
    {
        var places = DistinctSites.Find(Grid, Scores, 10, Rule);

        Assert.Equal(["500_0", "0_300", "0_0", "500_300"], places.Select(p => p.Place.BestCell));
        Assert.Equal([23L, 0, 18, 5], places.Select(p => p.BestIndex));
        Assert.Equal([1, 3, 1, 3], places.Select(p => p.Place.Cells));
        Assert.Equal([1.0, 3, 1, 3], places.Select(p => p.Place.AreaHa));
        Assert.Equal([90.0, 85, 80, 47], places.Select(p => p.Place.Floor));
        // The outlines are the cells' squares dissolved: place 2 is the L of r0 c0–c1 and r1 c0.
        Assert.Equal(30_000, places[1].Place.Outline.Area, 6);
        Assert.True(places[1].Place.Outline.EqualsTopologically(GeometryTransforms.FactoryFor(Epsg.Utm32).CreatePolygon(
            [new(0, 400), new(200, 400), new(200, 300), new(100, 300), new(100, 200), new(0, 200), new(0, 400)])));
    }

    [Fact]
    public void Each_place_says_why_in_words_and_values()
    {
        var places = DistinctSites.Find(Grid, Scores, 10, Rule);

        var first = places[0].Place.Why;
        Assert.Equal("siting.place", first.Code);
        Assert.Equal(1, first["cells"]);
        Assert.Equal("500_0", first["best"]);
        Assert.Equal("1 contiguous cell(s) of 100 m (1 ha) scoring at least 90, within 5 points of the best cell 500_0 (95)", first.Text);

        var second = places[1].Place.Why;
        Assert.Equal("siting.place-apart", second.Code);
        Assert.Equal(1, second["otherRank"]);
        Assert.Equal(Math.Sqrt(500 * 500 + 300 * 300) / 1000, (double)second["distanceKm"]!, 9);
        Assert.Equal(250.0, second["separationM"]);
        // Place 4's nearest better place is place 1, 300 m away.
        Assert.Equal(1, places[3].Place.Why["otherRank"]);
        Assert.Equal(0.3, (double)places[3].Place.Why["distanceKm"]!, 9);
        Assert.Contains("km fra sted nr. 1", places[3].Place.Why.Render(VeSiting.Core.Explanations.MessageCatalogue.Danish));
    }

    [Fact]
    public void The_count_cuts_the_list_and_without_separation_only_contiguity_joins()
    {
        Assert.Equal(["500_0", "0_300"], DistinctSites.Find(Grid, Scores, 2, Rule).Select(p => p.Place.BestCell));

        // Separation 0, tolerance 5: 80 (r1 c5) is a place of its own (its neighbours 95 are taken, 52 and 49 below 75);
        // 70 (r1 c1) too (88, 87, 90 taken); then 52 takes 50 and 49 as before; the 10s form one run of the remaining 10s.
        var loose = DistinctSites.Find(Grid, Scores, 10, new DistinctSiteRule(0, 5));
        Assert.Equal(["500_0", "0_300", "0_0", "500_200", "100_200", "500_300", "0_100"], loose.Select(p => p.Place.BestCell));
        // The 10s: r2 c0 (id 0_100 is the first 10 by id) reaches every other 10 through r2 c0–c2, r3 c1–c4, r2 c4–c5, r0–r1 c2: 11 cells.
        Assert.Equal(11, loose[^1].Place.Cells);
    }

    [Fact]
    public void An_evenly_good_area_is_shared_among_places_no_wider_than_the_separation()
    {
        // One row of ten 100 m cells all scoring 100; separation 300 m. Ties go by id: 0_0, 100_0, …, 900_0 (ordinal).
        // Place 1 at centre 50 takes the cells centred 150 and 250 (100 and 200 m away), not 350 (300 m, not closer than 300);
        // 350 is 300 m from place 1: place 2 takes 350–550; place 3 650–850; place 4 is the last cell, 950, alone.
        var row = new RasterGrid(0, 100, 100, 10, 1);
        var places = DistinctSites.Find(row, Enumerable.Repeat(100.0, 10).ToArray(), 10, new DistinctSiteRule(300, 5));
        Assert.Equal(["0_0", "300_0", "600_0", "900_0"], places.Select(p => p.Place.BestCell));
        Assert.Equal([3, 3, 3, 1], places.Select(p => p.Place.Cells));
    }

    [Fact]
    public void Separation_and_tolerance_out_of_range_name_their_field()
    {
        Assert.Equal("separation", DistinctSiteRule.Problem(-1, null)!.Value.Field);
        Assert.Equal("separation", DistinctSiteRule.Problem(double.NaN, null)!.Value.Field);
        Assert.Equal("tolerance", DistinctSiteRule.Problem(null, 101)!.Value.Field);
        Assert.Null(DistinctSiteRule.Problem(0, 0));
        Assert.Equal(DistinctSiteRule.Default, DistinctSiteRule.Of(null, null));
    }

    [Fact]
    public void Per_cell_results_become_the_same_places()
    {
        // The grid's cells as the per-cell engine lists them: ranked by score, then id.
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var cells = Enumerable.Range(0, Scores.Length).Where(i => !double.IsNaN(Scores[i]))
            .Select(i => new RankedSite(RasterRanking.Cell(Grid, i), null, Scores[i], [], null))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Id, StringComparer.Ordinal).Select((s, k) => s with { Rank = k + 1 }).ToList();
        var profile = SitingEngineTests.Profile();
        var result = new SitingResult(profile, "test", 100, cells, [], new Provenance(), [], "v", TimeSpan.Zero);
        var area = factory.ToGeometry(new NetTopologySuite.Geometries.Envelope(0, 600, 0, 400));

        var grouped = PlacesOfCells.Group(result, [area], 100, Rule, 10);

        Assert.Equal(["500_0", "0_300", "0_0", "500_300"], grouped.Ranked.Select(s => s.Candidate.Id));
        Assert.Equal([1, 2, 3, 4], grouped.Ranked.Select(s => s.Rank!.Value));
        Assert.Equal([1, 3, 1, 3], grouped.Ranked.Select(s => s.Place!.Cells));
        Assert.Equal(21, grouped.RankedCount); // still counts cells: 24 less the three unranked
    }
}
