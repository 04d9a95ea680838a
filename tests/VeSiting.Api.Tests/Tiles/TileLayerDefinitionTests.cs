using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>
/// Every registered layer's tiles hold what its one definition says: only its vector layers, in its order, and only
/// its attributes with their types; and TileJSON and <c>/api/legend</c> publish that definition. The firms layer is read
/// from a service with a firms layer added (<see cref="FirmsLayer"/>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TileLayerDefinitionTests(ApiFactory shared, FirmsApiFactory withFirms) : IClassFixture<FirmsApiFactory>
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> ServiceFor(string id) => id == "firms" ? withFirms : shared;

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
            { "firms", 12, 10.6087, 55.8576, "?scenario=banded-distance" },       // Samsø's two firms of FirmsLayer
            { "shadow-flicker", 14, slagelse.Lon, slagelse.Lat, "" },
            { "noise", 13, thisted.Lon, thisted.Lat, "" },
            { "suitability", 9, 10.20, 56.15, "" },                              // Aarhus
        };
    }

    [Fact]
    public void Every_registered_layer_has_a_tile_here()
    {
        var registered = shared.Services.GetRequiredService<TileSources>().All.Select(s => s.Layer.Id).Order();
        Assert.Equal(registered, Tiles().Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Tiles))]
    public async Task A_tile_holds_only_the_defined_vector_layers_and_attributes_with_their_types(string id, int z, double lon, double lat, string query)
    {
        var layer = shared.Services.GetRequiredService<TileSources>().Find(id).Layer;
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        var bytes = await ServiceFor(id).CreateClient().GetByteArrayAsync($"/tiles/{id}/{z}/{x}/{y}.mvt{query}");
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

    [Theory]
    [MemberData(nameof(Tiles))]
    public async Task The_one_writer_decodes_to_the_same_features_as_NetTopologySuites_writer(string id, int z, double lon, double lat, string query)
    {
        var service = ServiceFor(id);
        var source = service.Services.GetRequiredService<TileSources>().Find(id);
        if (source is ISelfEncodingTileSource)
            return; // written from its raster, not from features (SuitabilityTileTests checks it against its cells)
        var layer = source.Layer;
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        await service.CreateClient().GetByteArrayAsync($"/tiles/{id}/{z}/{x}/{y}.mvt{query}"); // the service has loaded its data
        var data = service.Services.GetRequiredService<ServiceData>();
        var scenarioId = query.StartsWith("?scenario=", StringComparison.Ordinal) ? query["?scenario=".Length..] : null;
        var scenario = data.Context(scenarioIds: [scenarioId ?? "banded-distance"]).Scenarios[0];
        var tile = new MercatorTile(z, x, y);
        var features = await source.FeaturesAsync(new TileRequest(tile, new TileParameters(scenarioId, null, null, null), scenario, 20_000), CancellationToken.None);

        var ours = Decode(MvtEncoder.Encode(tile, layer, features, 20_000), tile);
        // A point layer shows any other shape at a point inside it, as the writer does.
        var asPoints = layer.Geometry == TileLayer.Points ? features.Select(f => f with { Utm32 = f.Utm32 is Point ? f.Utm32 : f.Utm32.InteriorPoint }).ToList() : features;
        var reference = Decode(NtsReferenceEncoder.Encode(tile, asPoints, 20_000), tile);

        Assert.NotEmpty(ours.SelectMany(l => l.Value));
        Assert.Equal(reference.Keys.Order(), ours.Keys.Order());
        // One tile unit in degrees (longitude; a unit of latitude is shorter here): the reference truncates to whole units,
        // the writer rounds, and they clip in lon/lat and in tile units.
        var unit = 360.0 / (1 << z) / 4096;
        foreach (var (name, expected) in reference)
        {
            var actual = ours[name];
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (e, a) = (expected[i], actual[i]);
                Assert.Equal(e.Attributes.GetNames().Order(), a.Attributes.GetNames().Order());
                foreach (var key in e.Attributes.GetNames())
                    Assert.Equal(Comparable(e.Attributes[key]), Comparable(a.Attributes[key]));
                Assert.Equal(e.Geometry.Dimension, a.Geometry.Dimension);
                if (e.Geometry.Dimension == Dimension.Surface)
                {
                    // Areas: the same shape to within a band of 2 units along the outline. Vertices differ by a unit; where a long
                    // edge crosses the clip the crossing differs more (a line straight in lon/lat bows against one straight in Web
                    // Mercator by y''·Δφ²/8: about 4 units for a 0.5° edge at z8, 18 for a tile-long one at z7), but only there.
                    var difference = GeometryFixer.Fix(e.Geometry).SymmetricDifference(GeometryFixer.Fix(a.Geometry)).Area;
                    Assert.True(difference <= 2 * unit * e.Geometry.Length, $"{id}/{name} feature {i}: differs by {difference / (unit * e.Geometry.Length):0.##} units along its outline");
                }
                else
                {
                    var distance = NetTopologySuite.Algorithm.Distance.DiscreteHausdorffDistance.Distance(e.Geometry, a.Geometry);
                    Assert.True(distance <= 2 * unit, $"{id}/{name} feature {i}: {distance / unit:0.##} units apart");
                }
            }
        }
    }

    /// <summary>An attribute value as compared: the writers may choose different MVT integer encodings (int, uint) for one integer.</summary>
    private static string Comparable(object value) => value switch
    {
        long or ulong or int => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static Dictionary<string, List<NetTopologySuite.Features.IFeature>> Decode(byte[] bytes, MercatorTile tile) =>
        new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(tile.X, tile.Y, tile.Z)).Layers.ToDictionary(l => l.Name, l => l.Features.ToList());

    [Fact]
    public async Task Tilejson_and_the_legend_publish_the_definition()
    {
        var client = shared.CreateClient();
        using var tileJson = JsonDocument.Parse(await client.GetStringAsync("/tiles/plants.json"));
        var plants = Assert.Single(tileJson.RootElement.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("plants", plants.GetProperty("id").GetString());
        var fields = plants.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["id"] = "String",
            ["project"] = "String",
            ["kind"] = "String",
            ["status"] = "String",
            ["name"] = "String",
            ["capacity_mw"] = "Number",
            ["total_height_m"] = "Number",
        }, fields);

        using var legend = JsonDocument.Parse(await client.GetStringAsync("/api/legend"));
        var boundaries = legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "boundaries");
        Assert.Equal(["regions", "municipalities"], boundaries.GetProperty("vectorLayers").EnumerateArray().Select(v => v.GetString()));
        Assert.False(boundaries.GetProperty("style").GetProperty("fillAreas").GetBoolean());
        Assert.Equal("Integer", legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "shadow-flicker")
            .GetProperty("schema")[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "days").GetProperty("type").GetString());
    }
}
