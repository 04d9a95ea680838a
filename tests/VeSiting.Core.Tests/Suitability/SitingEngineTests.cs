using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Suitability;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tests.Rules;
using VeSiting.Data.Embedded;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// The siting engine on hand-made data. Municipality 0101 is 10 × 20 km (x 590–600 km, y 6,190–6,210 km) with 200,000
/// people (1,000 per km²); 0147 beside it has none. The candidate C sits at (595000, 6200000). Every expected value is
/// worked out by hand in the comments.
/// </summary>
public sealed class SitingEngineTests
{
    private static readonly WKTReader Reader = new();
    private static Geometry Wkt(string wkt) => GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(Reader.Read(wkt));
    private static readonly RecordOrigin Origin = new("test", "test", 1);
    private static readonly Point C = GeometryTransforms.Utm32Point(595000, 6200000);

    private static AdminArea Area(AdminAreaKind kind, string code, string wkt) => new() { Kind = kind, Code = code, Name = code, Geometry = Wkt(wkt), Origin = Origin };

    internal static Plant Turbine(string id, double e, double n, double kw, double hub = 60, double rotor = 80) =>
        PlannedPlants.Turbine(id, e, n, hub, rotor, kw) with { Status = PlantStatus.Operating, Origin = Origin };

    private static PriceStack Stack => Tests.Tariffs.TestPrices.Stack2026;

    private static TariffScenario Banded => new()
    {
        Id = "banded",
        Version = "1",
        Title = "banded",
        Basis = ZoneBasis.Distance,
        CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine }, new HashSet<PlantStatus>(), 25, 500),
        Zones = [new TariffZone("A", "2 km", 2000, null, null, new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.5, [PriceComponent.EnerginetTariffs] = 1 })],
        Sha256 = new string('e', 64),
        File = "b.json",
    };

    internal static SitingInputs Inputs(params Plant[] plants) => new()
    {
        Plants = plants,
        DistrictHeating = [new DistrictHeatingPlant { Id = "h", Name = "Testby Fjernvarme", Position = GeometryTransforms.Utm32Point(596000, 6200000), SupplyAreaKm2 = 7.05, Origin = Origin }],
        Dwellings = [new Address { Id = "d", MunicipalityCode = 101, StreetName = "Testvej", HouseNumber = "1", PostCode = 1, PostCodeName = "T", Position = GeometryTransforms.Utm32Point(595300, 6200400), Origin = Origin }],
        Municipalities =
        [
            Area(AdminAreaKind.Municipality, "0101", "POLYGON ((590000 6190000, 600000 6190000, 600000 6210000, 590000 6210000, 590000 6190000))"),
            Area(AdminAreaKind.Municipality, "0147", "POLYGON ((600000 6190000, 610000 6190000, 610000 6210000, 600000 6210000, 600000 6190000))"),
        ],
        Regions = [Area(AdminAreaKind.Region, "1084", "POLYGON ((590000 6190000, 610000 6190000, 610000 6210000, 590000 6210000, 590000 6190000))")],
        Population = [new MunicipalityPopulation(101, "0101", "2024M01", 200_000, Origin), new MunicipalityPopulation(147, "0147", "2024M01", 0, Origin)],
        Rules = TestRules.Danish(),
        Prices = Stack,
        Scenario = Banded,
        Today = new DateOnly(2026, 11, 26),
        PointLayers = new Dictionary<string, IReadOnlyList<Point>> { ["schools"] = [GeometryTransforms.Utm32Point(595000, 6203000), GeometryTransforms.Utm32Point(595000, 6196000)] },
        RegionalFigures = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["state-jobs"] = new Dictionary<string, double> { ["1084"] = 31.5 } },
    };

    internal static SitingProfile Profile(params CriterionSpec[] criteria) => new()
    {
        Id = "test",
        Version = "1",
        Title = "test",
        Scenario = "banded",
        AnnualKwh = 1_000_000,
        Shares = TimeOfUseShares.Uniform(1, 0, 0), // all night: the DSO tariff is lavlast, 10.83 øre/kWh, in both seasons
        Criteria = criteria,
        File = "test.json",
        Sha256 = new string('f', 64),
    };

    /// <summary>The store data of hand-made inputs (plants, district heating, dwellings, areas) in the embedded store: what the per-cell engine reads.</summary>
    internal static ISpatialStore StoreOf(SitingInputs inputs) => new EmbeddedSpatialStore(new DataSet
    {
        Plants = inputs.Plants,
        DistrictHeating = inputs.DistrictHeating,
        Addresses = inputs.Dwellings,
        Municipalities = inputs.Municipalities,
        Regions = inputs.Regions,
        Population = inputs.Population,
        Version = new DataVersion("hand-made", DateTimeOffset.UnixEpoch),
    });

    internal static SitingEngine Engine(SitingInputs inputs, SitingProfile profile) => new(StoreOf(inputs), inputs, profile);

    private static async Task<RankedSite> ScoreAsync(SitingInputs inputs, SitingProfile profile, Point? at = null) =>
        Assert.Single((await Engine(inputs, profile).RunAsync(profile, [new Candidate("C", at ?? C)], "test", null)).Sites);

    private static CriterionValue Value(RankedSite site, string criterion) => site.Values.Single(v => v.Criterion == criterion);

    [Fact]
    public async Task Each_criterion_has_its_hand_computed_value()
    {
        var profile = Profile(
            new CriterionSpec("heat-distance", 1, 2000, 0),
            new CriterionSpec("heat-size", 1, 0, 10),
            new CriterionSpec("dwelling-distance", 1, 0, 1000),
            new CriterionSpec("population", 1, 0, 100_000) { RadiusM = 3000 },
            new CriterionSpec("renewable-mw", 1, 0, 10) { RadiusM = 5000 },
            new CriterionSpec("points-distance", 1, 10_000, 0) { Layer = "schools" },
            new CriterionSpec("points-count", 1, 0, 2) { Layer = "schools", RadiusM = 3500 },
            new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs" });
        // Turbine t1 (H = 100 m, 3.6 MW) 3 km east: inside 5 km; t2 (2 MW) 6 km east: outside; t3 too low (H = 20 m) to count.
        var site = await ScoreAsync(Inputs(Turbine("t1", 598000, 6200000, 3600), Turbine("t2", 601000, 6200000, 2000), Turbine("t3", 597000, 6200000, 900, hub: 15, rotor: 10)), profile);

        Assert.Null(site.ExcludedBecause);
        Assert.Equal(1000, Value(site, "heat-distance").Value!.Value, 1e-9);       // (596000 − 595000)
        Assert.Equal(7.05, Value(site, "heat-size").Value!.Value, 1e-9);
        Assert.Equal(500, Value(site, "dwelling-distance").Value!.Value, 1e-9);    // 3-4-5: √(300² + 400²)
        // 1 km raster from x 590,000, y 6,190,000: centres at offsets ±500, ±1,500, ±2,500 m from C. Within 3 km:
        // (500,500) (500,1500) (1500,500) (500,2500) (2500,500) (1500,1500) (1500,2500) (2500,1500) per quadrant = 32 cells × 1,000 people.
        Assert.Equal(32_000, Value(site, "population").Value!.Value, 1e-6);
        Assert.Equal(3.6, Value(site, "renewable-mw").Value!.Value, 1e-9);
        Assert.Equal(3000, Value(site, "points-distance").Value!.Value, 1e-9);
        Assert.Equal(1, Value(site, "points-count").Value!.Value);                // 3 km away, the other 4 km
        Assert.Equal(31.5, Value(site, "regional-figure").Value!.Value);
    }

    [Fact]
    public async Task Scores_are_linear_between_worst_and_best_and_weighted()
    {
        var profile = Profile(new CriterionSpec("heat-distance", 2, 2000, 0), new CriterionSpec("dwelling-distance", 2, 0, 250));
        var site = await ScoreAsync(Inputs(), profile);
        // heat: 1,000 m between 2,000 (0) and 0 (1) → 0.5, weight 2 of 4 → 25 points; dwelling 500 m beyond best 250 → 1 → 50 points.
        Assert.Equal(0.5, Value(site, "heat-distance").Score, 1e-9);
        Assert.Equal(25, Value(site, "heat-distance").Contribution, 1e-9);
        Assert.Equal(50, Value(site, "dwelling-distance").Contribution, 1e-9);
        Assert.Equal(75, site.Score!.Value, 1e-9);
    }

    [Fact]
    public async Task Power_price_follows_the_tariff_zone()
    {
        var profile = Profile(new CriterionSpec("power-price", 1, 1.2, 0.8));
        // No covered plant within 2 km: (60 + 5 + 10.83 + 12.5 + 0.8) × 1.25 = 111.4125 øre = 1.114125 DKK/kWh.
        Assert.Equal(1.114125, Value(await ScoreAsync(Inputs(), profile), "power-price").Value!.Value, 1e-9);
        // A covered turbine 1.5 km away → zone A: (60 + 5 + 5.415 + 0 + 0.8) × 1.25 = 89.01875 øre.
        var near = Value(await ScoreAsync(Inputs(Turbine("t", 596500, 6200000, 3600)), profile), "power-price");
        Assert.Equal(0.8901875, near.Value!.Value, 1e-9);
        Assert.Contains("zone A", near.Why.Text);
    }

    [Fact]
    public async Task A_site_inside_4_H_of_a_turbine_is_excluded_not_scored()
    {
        var profile = Profile(new CriterionSpec("heat-distance", 1, 2000, 0));
        // H = 60 + 80/2 = 100 m → 4 × H = 400 m; the turbine is 300 m away.
        var site = await ScoreAsync(Inputs(Turbine("t", 595300, 6200000, 3600)), profile);
        Assert.Null(site.Score);
        Assert.Null(site.Rank);
        Assert.Equal("inside the minimum distance of turbine t: 300 m < 4 × H (minimum-distance@2009-01-01 (aaaaaaaaaaaa)) = 400 m", site.ExcludedBecause?.Text);
        // A planned turbine excludes too.
        var planned = Inputs() with { PlannedTurbines = [PlannedPlants.Turbine("p", 595000, 6200350, 60, 80, 3600)] };
        Assert.Contains("turbine p: 350 m", (await ScoreAsync(planned, profile)).ExcludedBecause?.Text);
    }

    [Fact]
    public async Task Required_thresholds_exclude_with_the_reason()
    {
        var site = await ScoreAsync(Inputs(), Profile(new CriterionSpec("heat-distance", 1, 2000, 0) { RequiredMax = 800 }));
        Assert.Equal("heat-distance = 1,000 m is above the allowed 800 m", site.ExcludedBecause?.Text);
    }

    [Fact]
    public async Task Optional_criteria_without_their_layer_are_skipped_with_a_note_and_required_ones_fail()
    {
        var optional = Profile(new CriterionSpec("heat-distance", 1, 2000, 0), new CriterionSpec("points-distance", 1, 0, 1) { Layer = "hospitals", Optional = true });
        var result = await Engine(Inputs(), optional).RunAsync(optional, [new Candidate("C", C)], "test", null);
        Assert.Contains(result.Notes, n => n.Text.Contains("hospitals"));
        Assert.Single(result.Sites[0].Values);

        var required = Profile(new CriterionSpec("points-distance", 1, 0, 1) { Layer = "hospitals" });
        await Assert.ThrowsAsync<ArgumentException>(() => Engine(Inputs(), required).RunAsync(required, [new Candidate("C", C)], "test", null));
    }

    [Fact]
    public async Task Ranking_is_by_score_then_id_and_reproducible()
    {
        var profile = Profile(new CriterionSpec("heat-distance", 1, 5000, 0));
        var candidates = new[] { new Candidate("far", GeometryTransforms.Utm32Point(592000, 6200000)), new Candidate("near", C), new Candidate("twin", GeometryTransforms.Utm32Point(597000, 6200000)) };
        var first = await Engine(Inputs(), profile).RunAsync(profile, candidates, "test", null);
        var second = await Engine(Inputs(), profile).RunAsync(profile, candidates, "test", null);
        // near and twin are both 1,000 m from the heat plant: tie broken by id.
        Assert.Equal(["near", "twin", "far"], first.Ranked.Select(s => s.Candidate.Id));
        Assert.Equal(first.Sites.Select(s => (s.Candidate.Id, s.Score)), second.Sites.Select(s => (s.Candidate.Id, s.Score)));
    }

    [Fact]
    public void The_grid_keeps_cells_whose_centres_lie_in_the_area()
    {
        var area = Wkt("POLYGON ((590000 6190000, 593000 6190000, 593000 6192000, 590000 6192000, 590000 6190000))");
        var cells = CandidateGrid.Over([area], 1000);
        Assert.Equal(6, cells.Count); // 3 × 2 cells of 1 km
        Assert.Equal("590000_6190000", cells[0].Id);
        Assert.Equal(590500, cells[0].Position.X);
    }
}
