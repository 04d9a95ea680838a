using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;

namespace VeSiting.Api.Tests.Tiles;

[Collection(ApiCollection.Name)]
public sealed class SuitabilityTileTests(ApiFactory factory)
{
    private const string Query = "profile=greenhouse&area=municipality:0461&cell=1000";

    [Fact]
    public async Task A_png_tile_shows_the_best_cell_in_its_class_colour_and_nothing_outside_the_area()
    {
        var client = factory.CreateClient();
        var run = await factory.Services.GetRequiredService<SuitabilityResults>().GetAsync("greenhouse", "municipality:0461", 1000, CancellationToken.None);
        var grid = run.Raster.Grid;
        var best = run.Raster.Top(1)[0];
        var score = run.Raster.Score[best];
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(grid.CentreX((int)(best % grid.Columns)), grid.CentreY((int)(best / grid.Columns)));
        // The slippy-map formulas (OpenStreetMap wiki), written out here: the tile and the pixel of the cell's centre at z12.
        var n = Math.Pow(2, 12);
        var fx = (lon + 180) / 360 * n;
        var fy = (1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * n;
        var (x, y) = ((int)fx, (int)fy);
        var (px, py) = ((int)((fx - x) * 256), (int)((fy - y) * 256));

        using var bitmap = SKBitmap.Decode(await client.GetByteArrayAsync($"/tiles/suitability/12/{x}/{y}.png?{Query}"));

        // The legend's colour of the score's class (classes of 20 points, 80 the top one), drawn translucent.
        var legend = factory.Services.GetRequiredService<TileSources>().Find("suitability").Layer.Legend;
        var expected = SKColor.Parse(legend.Single(l => l.Value == $"{Math.Min(80, (int)(score / 20) * 20)}").Color);
        var drawn = bitmap.GetPixel(px, py);
        Assert.True(drawn.Alpha > 100, $"alpha {drawn.Alpha} at the best cell");
        Assert.InRange(drawn.Red, expected.Red - 3, expected.Red + 3);
        Assert.InRange(drawn.Green, expected.Green - 3, expected.Green + 3);
        Assert.InRange(drawn.Blue, expected.Blue - 3, expected.Blue + 3);

        // Copenhagen (lon 12.57, lat 55.68) is far outside Odense municipality: its z12 tile is empty.
        var cx = (int)((12.57 + 180) / 360 * n);
        var cy = (int)((1 - Math.Log(Math.Tan(55.68 * Math.PI / 180) + 1 / Math.Cos(55.68 * Math.PI / 180)) / Math.PI) / 2 * n);
        using var empty = SKBitmap.Decode(await client.GetByteArrayAsync($"/tiles/suitability/12/{cx}/{cy}.png?{Query}"));
        Assert.All(empty.Pixels, p => Assert.Equal(0, p.Alpha));
    }
}
