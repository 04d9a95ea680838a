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

    [Fact]
    public async Task A_vector_tile_holds_the_best_cell_as_a_square_around_its_centre()
    {
        var client = factory.CreateClient();
        var run = await factory.Services.GetRequiredService<SuitabilityResults>().GetAsync("greenhouse", "municipality:0461", 1000, CancellationToken.None);
        var grid = run.Raster.Grid;
        var best = run.Raster.Top(1)[0];
        var (column, row) = ((int)(best % grid.Columns), (int)(best / grid.Columns));
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(grid.CentreX(column), grid.CentreY(row));
        var n = Math.Pow(2, 10);
        var (x, y) = ((int)((lon + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * n));

        var bytes = await client.GetByteArrayAsync($"/tiles/suitability/10/{x}/{y}.mvt?{Query}");
        var tile = new NetTopologySuite.IO.VectorTiles.Mapbox.MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, 10));

        // At z10 a pixel is 40,075,016 m × cos 55.4° / (256 × 1024) ≈ 87 m, so a 1 km cell is about 11.5 px and reaches at
        // most 6 px past the tile, inside the 8 px buffer: one whole feature per cell, named by its south-west corner.
        var id = $"{grid.West + column * grid.CellSize:0}_{grid.North - (row + 1) * grid.CellSize:0}";
        var feature = Assert.Single(Assert.Single(tile.Layers).Features, f => (string)f.Attributes["id"] == id);
        Assert.Equal($"{Math.Min(80, (int)(run.Raster.Score[best] / 20) * 20)}", feature.Attributes["class"]);
        Assert.Equal(Math.Round(run.Raster.Score[best], 2), Convert.ToDouble(feature.Attributes["score"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(feature.Geometry.Contains(new NetTopologySuite.Geometries.Point(lon, lat)), "the square holds the cell's centre");
        // Its area is about a 1 km cell's: in degrees² at this latitude, 1000 m ≈ 1000 / (111,320 cos φ)° of longitude and ≈ 1000 / 111,320° of latitude (±10 %).
        var expectedArea = 1000 / (111_320 * Math.Cos(lat * Math.PI / 180)) * (1000 / 111_320.0);
        Assert.InRange(feature.Geometry.Area, 0.9 * expectedArea, 1.1 * expectedArea);
    }

    [Fact]
    public async Task A_country_png_at_zoom_5_samples_blocks_of_cells_in_the_legend_colours()
    {
        // At z5 a pixel is about 2.7 km, so each samples a block of 2 × 2 cells of 1 km: every drawn pixel has a legend colour.
        var client = factory.CreateClient();
        var legend = factory.Services.GetRequiredService<TileSources>().Find("suitability").Layer.Legend.Select(l => SKColor.Parse(l.Color)).ToList();
        var n = Math.Pow(2, 5);
        var (x, y) = ((int)((10.0 + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(56.0 * Math.PI / 180) + 1 / Math.Cos(56.0 * Math.PI / 180)) / Math.PI) / 2 * n));

        using var bitmap = SKBitmap.Decode(await client.GetByteArrayAsync($"/tiles/suitability/5/{x}/{y}.png?profile=greenhouse&cell=1000"));

        var drawn = bitmap.Pixels.Where(p => p.Alpha > 0).ToList();
        Assert.True(drawn.Count > 500, $"{drawn.Count} pixels drawn over Denmark");
        Assert.All(drawn, p => Assert.Contains(legend, c => Math.Abs(c.Red - p.Red) <= 3 && Math.Abs(c.Green - p.Green) <= 3 && Math.Abs(c.Blue - p.Blue) <= 3));
    }
}
