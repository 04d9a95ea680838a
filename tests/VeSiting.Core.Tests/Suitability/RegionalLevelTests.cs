using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>
/// Regional figures by municipality, landsdel and region, on the hand-made data of <see cref="SitingEngineTests"/>:
/// municipalities 0101 (x 590–600 km) and 0147 (x 600–610 km), both in region 1084; here landsdel DK011 holds both.
/// </summary>
public sealed class RegionalLevelTests
{
    private static readonly Landsdel Capital = new("DK011", "Byen København", "1084", ["0101", "0147"]);

    private static async Task<(double? At0101, double? At0147)> BothAsync(IReadOnlyDictionary<string, double> figures, string? level)
    {
        var profile = SitingEngineTests.Profile(new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs", Level = level });
        var inputs = SitingEngineTests.Inputs() with
        {
            RegionalFigures = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["state-jobs"] = figures },
            Landsdele = [Capital],
        };
        var raster = new RasterSitingEngine(inputs).Run(profile, inputs.Municipalities.Select(m => m.Geometry).ToList(), 1000);
        var engine = SitingEngineTests.Engine(inputs, profile);
        async Task<double?> ValueAsync(double x, double y)
        {
            var (c, r) = raster.Grid.CellAt(x, y)!.Value;
            var band = raster.Bands[0][(long)r * raster.Grid.Columns + c];
            var exact = (await engine.ExplainAsync(profile, new Candidate("x", GeometryTransforms.Utm32Point(x, y)))).Values[0].Value;
            // Both engines agree on every lookup.
            Assert.Equal(exact is null, float.IsNaN(band));
            if (exact is { } e) Assert.Equal(e, band, 5);
            return exact;
        }
        return (await ValueAsync(595_500, 6_200_500), await ValueAsync(605_500, 6_200_500));
    }

    [Fact]
    public async Task Without_a_level_a_site_takes_its_municipality_then_its_landsdel_then_its_region()
    {
        var figures = new Dictionary<string, double> { ["0101"] = 12, ["DK011"] = 20, ["1084"] = 31.5 };
        Assert.Equal((12, 20), await BothAsync(figures, null));
        Assert.Equal((20, 20), await BothAsync(new Dictionary<string, double> { ["DK011"] = 20, ["1084"] = 31.5 }, null));
        Assert.Equal((31.5, 31.5), await BothAsync(new Dictionary<string, double> { ["1084"] = 31.5 }, null));
    }

    [Fact]
    public async Task A_profile_level_takes_figures_of_that_level_only()
    {
        var figures = new Dictionary<string, double> { ["0101"] = 12, ["DK011"] = 20, ["1084"] = 31.5 };
        Assert.Equal((20, 20), await BothAsync(figures, RegionalFigureLookup.LandsdelLevel));
        Assert.Equal((31.5, 31.5), await BothAsync(figures, RegionalFigureLookup.RegionLevel));
        Assert.Equal((12, null), await BothAsync(figures, RegionalFigureLookup.MunicipalityLevel)); // 0147 has no figure of its own
        Assert.Equal((null, null), await BothAsync(new Dictionary<string, double> { ["1084"] = 31.5 }, RegionalFigureLookup.LandsdelLevel));
    }

    [Fact]
    public async Task A_missing_landsdel_figure_is_explained()
    {
        var profile = SitingEngineTests.Profile(new CriterionSpec("regional-figure", 1, 0, 40) { Layer = "state-jobs", Level = "landsdel" });
        var inputs = SitingEngineTests.Inputs() with { Landsdele = [Capital] };
        var site = await SitingEngineTests.Engine(inputs, profile).ExplainAsync(profile, new Candidate("x", GeometryTransforms.Utm32Point(595_500, 6_200_500)));
        Assert.Null(site.Values[0].Value);
        Assert.Equal("state-jobs has no landsdel figure for landsdel DK011 Byen København", site.Values[0].Why.Text);
        Assert.Throws<ArgumentException>(() => new RegionalFigureLookup("x", new Dictionary<string, double>(), [], "parish"));
    }
}
