using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Explanations;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Criteria;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// Every registered criterion measured both ways on the hand-made data of <see cref="SitingEngineTests"/> (with a second
/// heat plant, a user's oxygen users, fields and a municipal figure, so that no band is constant): the per-site engine at
/// each cell of a 1 km grid (its centre, and its square for area criteria) gives what the raster engine's band holds for
/// that cell. The per-site values come from the store's exact reads (NetTopologySuite distances, STR-tree queries,
/// polygon overlay), the bands from distance transforms, radius sums and burnt polygons: two independent computations.
/// </summary>
public sealed class CriterionAgreementTests
{
    private static readonly WKTReader Reader = new();
    private static readonly RecordOrigin Origin = new("test", "test", 1);
    private const double Cell = 1000; // the population raster's own cell: both engines sum the same cells

    /// <summary>One line per registered criterion, with the layer its kind needs and a radius where it has one.</summary>
    private static SitingProfile EveryCriterion() => SitingEngineTests.Profile(SitingCriteria.All.Select(c => new CriterionSpec(c.Id, 1, 0, 1)
    {
        Layer = c.Layer switch
        {
            UserLayerKind.Points => "schools",
            UserLayerKind.WeightedPoints => "oxygen-users",
            UserLayerKind.Polygons => "fields",
            UserLayerKind.RegionalFigures => "state-jobs",
            _ => null,
        },
        RadiusM = c.DefaultRadiusM > 0 ? 3_500 : null,
    }).ToArray());

    private static SitingInputs Inputs()
    {
        var inputs = SitingEngineTests.Inputs(SitingEngineTests.Turbine("t1", 598000, 6200000, 3600), SitingEngineTests.Turbine("t2", 603000, 6195000, 2000));
        return inputs with
        {
            DistrictHeating = [.. inputs.DistrictHeating, new DistrictHeatingPlant { Id = "h2", Name = "Andetby Fjernvarme", Position = GeometryTransforms.Utm32Point(606300, 6204700), SupplyAreaKm2 = 2.5, Origin = Origin }],
            WeightedLayers = new Dictionary<string, IReadOnlyList<(Point Point, double Value)>>
            {
                ["oxygen-users"] = [(GeometryTransforms.Utm32Point(594200, 6203100), 800), (GeometryTransforms.Utm32Point(604900, 6196300), 1200)],
            },
            // A field whose edges cut cells (x 592,250–596,700, y 6,193,300–6,198,100) and a triangle across the border of the municipalities.
            PolygonLayers = new Dictionary<string, IReadOnlyList<Geometry>>
            {
                ["fields"] =
                [
                    Wkt("POLYGON ((592250 6193300, 596700 6193300, 596700 6198100, 592250 6198100, 592250 6193300))"),
                    Wkt("POLYGON ((599300 6205200, 603800 6205200, 599300 6208900, 599300 6205200))"),
                ],
            },
            RegionalFigures = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["state-jobs"] = new Dictionary<string, double> { ["1084"] = 31.5, ["0101"] = 12 } },
        };
    }

    private static Geometry Wkt(string wkt) => GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(Reader.Read(wkt));

    [Fact]
    public async Task Every_registered_criterion_gives_the_same_value_per_site_and_per_raster_cell()
    {
        var profile = EveryCriterion();
        var inputs = Inputs();
        var areas = inputs.Municipalities.Select(m => m.Geometry).ToList();
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, Cell);
        Assert.Equal(SitingCriteria.All.Select(c => c.Id), raster.Criteria.Select(c => c.Criterion));
        Assert.Equal(SitingCriteria.All.Select(c => c.Unit), raster.Units);

        var cells = Enumerable.Range(0, (int)raster.Grid.Count).Where(i => raster.Status[i] != (byte)CellStatus.Outside).ToList();
        // Two municipalities of 10 × 20 km: 20 × 20 cells of 1 km, all land.
        Assert.Equal(400, cells.Count);
        var sites = await SitingEngineTests.Engine(inputs, profile).ExplainAsync(profile, cells.Select(i => RasterRanking.Cell(raster.Grid, i)).ToList());

        for (var k = 0; k < SitingCriteria.All.Count; k++)
        {
            var criterion = SitingCriteria.All[k];
            var perSite = new List<double?>();
            for (var n = 0; n < cells.Count; n++)
            {
                // t1 and t2 (H = 100 m) exclude within 400 m; the nearest cell centres are 707 m from them, so every cell is measured.
                Assert.Null(sites[n].ExcludedBecause);
                var value = sites[n].Values[k];
                Assert.Equal((criterion.Id, criterion.Unit), (value.Criterion, value.Unit));
                double band = raster.Bands[k][cells[n]];
                if (value.Value is not { } exact)
                    Assert.True(double.IsNaN(band), $"{criterion.Id} at {sites[n].Candidate.Id}: raster {band}, per site unknown");
                else
                    Assert.True(Math.Abs(band - exact) <= 1e-3 + 1e-6 * Math.Abs(exact), $"{criterion.Id} at {sites[n].Candidate.Id}: raster {band}, per site {exact}");
                perSite.Add(value.Value);
            }
            // Not a vacuous agreement: each criterion takes at least two values over the grid.
            Assert.True(perSite.Distinct().Count() >= 2, $"{criterion.Id} is the same everywhere: {perSite[0]}");
        }
    }

    [Fact]
    public void Every_registered_criterion_has_its_own_id_a_unit_and_a_meaning()
    {
        Assert.Equal(SitingCriteria.All.Count, SitingCriteria.All.Select(c => c.Id).Distinct().Count());
        foreach (var criterion in SitingCriteria.All)
        {
            Assert.Same(criterion, SitingCriteria.Find(criterion.Id));
            Assert.False(string.IsNullOrWhiteSpace(criterion.Unit));
            // The meaning is a message of every catalogue, not an English sentence of the code.
            Assert.False(string.IsNullOrWhiteSpace(criterion.Meaning.Text));
            Assert.NotEqual(criterion.Meaning.Text, criterion.Meaning.Render(MessageCatalogue.Danish));
        }
        Assert.Null(SitingCriteria.Find("no-such-criterion"));
    }
}
