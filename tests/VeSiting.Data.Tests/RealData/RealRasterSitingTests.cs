using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Data.Tests.RealData;

/// <summary>The raster engine against the per-cell engine over the whole of Denmark at 1 km, on the real data.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealRasterSitingTests(RealDataSet real)
{
    [Theory]
    [InlineData("greenhouse")]
    [InlineData("ptx-oxygen")]
    public async Task At_1_km_the_raster_equals_the_per_cell_engine(string profileId)
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var library = RuleLibrary.Load(geodata);
        var profile = new SitingProfileLoader(geodata).LoadAll()[profileId];
        var service = new SitingService(real.Store, library.Rules, library.PriceStack(2026), library.Scenarios, new DateOnly(2026, 11, 26));

        var denmark = (await service.ResolveAreaAsync("denmark", CancellationToken.None)).Value;
        var perCell = await service.RunAsync(profile, denmark, 1000);
        var areas = denmark.Areas;
        var inputs = await service.InputsAsync(profile, null, null, null, CancellationToken.None);
        var raster = new RasterSitingEngine(inputs).Run(profile, areas, 1000);

        // The same land cells, the same ones excluded.
        var grid = raster.Grid;
        var cells = perCell.Sites.ToDictionary(s => s.Candidate.Id);
        var inRaster = new Dictionary<string, long>();
        for (long i = 0; i < grid.Count; i++)
        {
            if (raster.Status[i] != (byte)CellStatus.Outside)
                inRaster[grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns))] = i;
        }
        Assert.Equal(cells.Keys.Order(StringComparer.Ordinal), inRaster.Keys.Order(StringComparer.Ordinal));
        Assert.All(cells.Values, s => Assert.Equal(s.ExcludedBecause is null, raster.Status[inRaster[s.Candidate.Id]] == (byte)CellStatus.Ranked));

        // Every criterion within tolerance: distances to points within the strip width (never shorter), the rest exact up to float rounding.
        var strip = PointDistanceTransform.StripWidth(1000);
        foreach (var site in perCell.Ranked)
        {
            var index = inRaster[site.Candidate.Id];
            for (var c = 0; c < raster.Criteria.Count; c++)
            {
                var exact = site.Values[c].Value;
                var value = raster.Bands[c][index];
                Assert.Equal(raster.Criteria[c].Criterion, site.Values[c].Criterion);
                if (exact is null) { Assert.True(float.IsNaN(value), $"{site.Candidate.Id} {site.Values[c].Criterion}: {value}, expected none"); continue; }
                var low = exact.Value - Math.Abs(exact.Value) * 1e-6 - 1e-3;
                var high = exact.Value + Math.Abs(exact.Value) * 1e-6 + 1e-3 + (site.Values[c].Unit == "m" ? strip : 0);
                Assert.InRange(value, low, high);
            }
        }

        // The same top 100, in the same order.
        var top = raster.Top(100).Select(i => grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns))).ToList();
        Assert.Equal(perCell.Ranked.Take(100).Select(s => s.Candidate.Id), top);
    }
}
