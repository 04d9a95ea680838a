using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using SkiaSharp;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Tiles;

[Collection(ApiCollection.Name)]
public sealed class PointTileTests(ApiFactory factory)
{
    [Fact]
    public async Task The_encoder_puts_each_plant_at_its_own_position_with_its_attributes()
    {
        // Central Jutland at z7: hundreds of plants. Encoded (EPSG:25832 straight to tile units by MercatorTile), decoded by
        // NetTopologySuite's reader, and compared with each plant transformed to lon/lat by ProjNet (a different path).
        var data = factory.Services.GetRequiredService<ServiceData>();
        var source = factory.Services.GetRequiredService<TileSources>().Find("plants");
        var scenario = data.Context(scenarioIds: ["banded-distance"]).Scenarios[0];
        var tile = new MercatorTile(7, 67, 39);
        var features = await source.FeaturesAsync(new TileRequest(tile, new TileParameters(null, null, null, null), scenario, 20_000), CancellationToken.None);

        var decoded = Read(MvtEncoder.Encode(tile, source.Layer, features, 20_000), tile);

        // Every plant whose point (a solar park's: a point inside it) lies in the tile and its buffer, and no other.
        var clip = tile.LonLatClip();
        var expected = features.Select(f => (Feature: f, LonLat: GeometryTransforms.Transform(f.Utm32 is Point ? f.Utm32 : f.Utm32.InteriorPoint, Epsg.Utm32, Epsg.Wgs84)))
            .Where(f => clip.Covers(f.LonLat)).ToDictionary(f => (string)f.Feature.Attributes["id"] + "|" + (string)f.Feature.Attributes["status"]);
        Assert.True(decoded.Count > 500, $"{decoded.Count} plants");
        Assert.Equal(expected.Keys.Order(), decoded.Keys.Order());
        foreach (var (key, f) in decoded)
        {
            var (plant, lonLat) = expected[key];
            // One unit at z7 is 360 / 128 / 4096 = 6.9e-4° of longitude (and less of latitude); the writer rounds to whole units.
            Assert.Equal(lonLat.Coordinate.X, f.Geometry.Coordinate.X, tolerance: 7e-4);
            Assert.Equal(lonLat.Coordinate.Y, f.Geometry.Coordinate.Y, tolerance: 7e-4);
            Assert.Equal(plant.Attributes.GetNames().Order(), f.Attributes.GetNames().Order());
            Assert.Equal(plant.Attributes["kind"], f.Attributes["kind"]);
            Assert.Equal(plant.Attributes["status"], f.Attributes["status"]);
        }
    }

    [Fact]
    public void A_png_tile_draws_a_plant_at_its_hand_computed_pixel()
    {
        // The control point E 467394.6281, N 6248471.3325 is at units (2338.36, 3310.58) of 4096 in z14 tile 8577/5070
        // (worked in VeSiting.Core.Tests MvtLayerTests); at 256 px that is (2338.36 / 16, 3310.58 / 16) = (146.1, 206.9).
        var tile = new MercatorTile(14, 8577, 5070);
        var attributes = new AttributesTable { { "kind", "WindTurbine" } };
        var plants = factory.Services.GetRequiredService<TileSources>().Find("plants").Layer;
        var png = PngRenderer.Render(tile, plants, [new TileFeature("plants", GeometryTransforms.Utm32Point(467394.6281, 6248471.3325), attributes)]);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        // A 3 px dot in the wind-turbine colour #1f77b4 around (146.1, 206.9); nothing elsewhere.
        Assert.Equal(new SKColor(0x1f, 0x77, 0xb4, 0xff), bitmap.GetPixel(146, 207));
        Assert.Equal(0, bitmap.GetPixel(146, 212).Alpha);
        Assert.Equal(0, bitmap.GetPixel(20, 20).Alpha);
    }

    private static Dictionary<string, IFeature> Read(byte[] bytes, MercatorTile tile) =>
        new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(tile.X, tile.Y, tile.Z))
            .Layers.Single(l => l.Name == "plants").Features.ToDictionary(f => (string)f.Attributes["id"] + "|" + (string)f.Attributes["status"]);
}
