using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>
/// Every registered layer's tiles hold what its one definition says: only its vector layers, in its order, and only
/// its attributes with their types; and TileJSON and <c>/api/legend</c> publish that definition.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TileLayerDefinitionTests(ApiFactory factory)
{
    private static (double Lon, double Lat) Utm(double e, double n) => CoordinateTransformer.Instance.FromUtm32(e, n);

    /// <summary>A tile of each layer where the real data gives it features.</summary>
    public static TheoryData<string, int, double, double, string> Tiles()
    {
        var thisted = (Lon: 8.7580531, Lat: 57.0257376);        // an eight-turbine park
        var slagelse = Utm(639567.62, 6150034.92);              // Drøsselbjergvej 3, near journey 1's site
        return new()
        {
            { "plants", 10, thisted.Lon, thisted.Lat, "" },
            { "boundaries", 7, 9.5, 56.2, "" },
            { "map-detail", 16, slagelse.Lon, slagelse.Lat, "" },
            { "scheme-zones", 12, thisted.Lon, thisted.Lat, "" },
            { "tariff-zones", 10, thisted.Lon, thisted.Lat, "?scenario=banded-distance" },
            { "dwellings", 14, slagelse.Lon, slagelse.Lat, "" },
            { "tariff-impact", 8, 10.6, 55.87, "?scenario=new-plants-banded" }, // Samsø
            { "shadow-flicker", 14, slagelse.Lon, slagelse.Lat, "" },
            { "noise", 13, thisted.Lon, thisted.Lat, "" },
            { "suitability", 9, 10.20, 56.15, "" },                              // Aarhus
        };
    }

    [Fact]
    public void Every_registered_layer_has_a_tile_here()
    {
        var registered = factory.Services.GetRequiredService<TileSources>().All.Select(s => s.Layer.Id).Order();
        Assert.Equal(registered, Tiles().Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Tiles))]
    public async Task A_tile_holds_only_the_defined_vector_layers_and_attributes_with_their_types(string id, int z, double lon, double lat, string query)
    {
        var layer = factory.Services.GetRequiredService<TileSources>().Find(id).Layer;
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        var bytes = await factory.CreateClient().GetByteArrayAsync($"/tiles/{id}/{z}/{x}/{y}.mvt{query}");
        var decoded = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z));

        Assert.NotEmpty(decoded.Layers.SelectMany(l => l.Features));
        // The tile's layers in the definition's order (those with features here).
        var names = decoded.Layers.Select(l => l.Name).ToList();
        Assert.Equal(layer.VectorLayers.Where(names.Contains), names);
        foreach (var vectorLayer in decoded.Layers)
        {
            var schema = layer.VectorLayer(vectorLayer.Name);
            foreach (var feature in vectorLayer.Features)
            {
                foreach (var name in feature.Attributes.GetNames())
                {
                    var field = schema.Fields.FirstOrDefault(f => f.Name == name);
                    Assert.True(field is not null, $"{id}/{vectorLayer.Name}: '{name}' is not defined ({string.Join(", ", schema.Fields.Select(f => f.Name))})");
                    var value = feature.Attributes[name];
                    Assert.True(field!.Type switch
                    {
                        TileFieldType.String => value is string,
                        TileFieldType.Integer => value is long or ulong,
                        TileFieldType.Number => value is double,
                        _ => value is bool,
                    }, $"{id}/{vectorLayer.Name}: '{name}' is defined as {field.Type} but decoded as {value.GetType().Name}");
                }
            }
        }
    }

    [Fact]
    public async Task Tilejson_and_the_legend_publish_the_definition()
    {
        var client = factory.CreateClient();
        using var tileJson = JsonDocument.Parse(await client.GetStringAsync("/tiles/plants.json"));
        var plants = Assert.Single(tileJson.RootElement.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("plants", plants.GetProperty("id").GetString());
        var fields = plants.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["id"] = "String", ["project"] = "String", ["kind"] = "String", ["status"] = "String", ["name"] = "String",
            ["capacity_mw"] = "Number", ["total_height_m"] = "Number",
        }, fields);

        using var legend = JsonDocument.Parse(await client.GetStringAsync("/api/legend"));
        var boundaries = legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "boundaries");
        Assert.Equal(["regions", "municipalities"], boundaries.GetProperty("vectorLayers").EnumerateArray().Select(v => v.GetString()));
        Assert.False(boundaries.GetProperty("style").GetProperty("fillAreas").GetBoolean());
        Assert.Equal("Integer", legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "shadow-flicker")
            .GetProperty("schema")[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "days").GetProperty("type").GetString());
    }
}
