using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.Tests.Conformance;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// The contract between a tile layer's one definition (<see cref="TileLayer.Schema"/>) and PostGIS's own ST_AsMVT SQL for
/// it: every layer PostGIS encodes itself is a defined layer, its tiles carry exactly the defined vector layers and
/// attributes with the defined types, and they hold the same features with the same attribute values as the in-process
/// writer on the same data. A column added to, renamed in or dropped from the SQL (or the definition) fails here.
/// </summary>
public sealed class TileLayerContractTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private static WebApplicationFactory<ServiceData> Service(string? database) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            if (database is not null)
                b.UseSetting("VeSiting:Database", database);
        });

    /// <summary>Tiles of the real register and boundaries, both stores holding the same import: a dense z7, a z10 and a z12 tile.</summary>
    public static TheoryData<int, double, double> Tiles => new()
    {
        { 7, 467394.6281, 6248471.3325 },  // central Jutland, dense with turbines
        { 10, 727557.90, 6174832.99 },     // Copenhagen: regions and municipalities
        { 12, 467394.6281, 6248471.3325 }, // a few turbines of one park
    };

    [Fact]
    public void Every_layer_postgis_encodes_is_a_defined_layer()
    {
        using var embedded = Service(null);
        var defined = embedded.Services.GetRequiredService<TileSources>().All.Select(s => s.Layer.Id).ToHashSet();
        Assert.NotEmpty(PostGisSpatialStore.VectorTileLayers);
        Assert.All(PostGisSpatialStore.VectorTileLayers, id => Assert.Contains(id, defined));
    }

    [Theory]
    [MemberData(nameof(Tiles))]
    public async Task PostGis_tiles_carry_the_defined_attributes_and_the_same_features_as_the_in_process_writer(int z, double e, double n)
    {
        using var embedded = Service(null);
        using var postgis = Service(stores.ConnectionStrings[1]);
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(e, n);
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        var sources = embedded.Services.GetRequiredService<TileSources>();
        foreach (var id in PostGisSpatialStore.VectorTileLayers)
        {
            var layer = sources.Find(id).Layer;
            if (z < layer.MinZoom || z > layer.MaxZoom)
                continue;
            var expected = await DecodedAsync(embedded.CreateClient(), id, z, x, y);
            var actual = await DecodedAsync(postgis.CreateClient(), id, z, x, y);

            Assert.NotEmpty(actual.SelectMany(l => l.Value));
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (vectorLayer, features) in actual)
            {
                var schema = layer.VectorLayer(vectorLayer);
                foreach (var feature in features)
                    Conforms(schema, feature.Attributes);
                // Every defined attribute is produced by the SQL: the dense z7 tile's hundreds of features carry each of them somewhere.
                if (z == 7)
                    Assert.Equal(schema.Fields.Select(f => f.Name).Order(), features.SelectMany(f => f.Attributes.GetNames()).Distinct().Order());
                Assert.Equal(Keyed(expected[vectorLayer]).Keys.Order(), Keyed(features).Keys.Order());
                foreach (var (key, attributes) in Keyed(features))
                    SameValues(Keyed(expected[vectorLayer])[key], attributes, $"{id}/{vectorLayer} {key} at {z}/{x}/{y}");
            }
        }
    }

    /// <summary>Each attribute is declared, with the declared type as NetTopologySuite's reader decodes it.</summary>
    private static void Conforms(VectorLayerSchema schema, IAttributesTable attributes)
    {
        foreach (var name in attributes.GetNames())
        {
            var field = schema.Fields.FirstOrDefault(f => f.Name == name);
            Assert.True(field is not null, $"'{name}' is not an attribute of vector layer '{schema.Id}' ({string.Join(", ", schema.Fields.Select(f => f.Name))})");
            var value = attributes[name];
            var ok = field!.Type switch
            {
                TileFieldType.String => value is string,
                TileFieldType.Integer => value is long or ulong or int,
                TileFieldType.Number => value is double or float,
                TileFieldType.Boolean => value is bool,
                _ => false,
            };
            Assert.True(ok, $"'{schema.Id}.{name}' is {field.Type} but decoded as {value?.GetType().Name ?? "null"}");
        }
    }

    private static void SameValues(IAttributesTable expected, IAttributesTable actual, string where)
    {
        Assert.True(expected.GetNames().Order().SequenceEqual(actual.GetNames().Order()),
            $"{where}: in-process [{string.Join(", ", expected.GetNames())}] vs PostGIS [{string.Join(", ", actual.GetNames())}]");
        foreach (var name in expected.GetNames())
        {
            var (a, b) = (expected[name], actual[name]);
            if (a is double da && b is double db)
                Assert.True(Math.Abs(da - db) <= 1e-9 * Math.Max(1, Math.Abs(da)), $"{where}: {name} {da} vs {db}");
            else
                Assert.Equal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Features by their id (or code) and status, which both stores give each feature (a plant id may be both in operation and planned).</summary>
    private static Dictionary<string, IAttributesTable> Keyed(IEnumerable<IFeature> features) =>
        features.ToDictionary(f => $"{Value(f.Attributes, "id") ?? Value(f.Attributes, "code")}|{Value(f.Attributes, "status")}", f => f.Attributes);

    private static string? Value(IAttributesTable attributes, string name) =>
        attributes.Exists(name) ? Convert.ToString(attributes[name], CultureInfo.InvariantCulture) : null;

    private static async Task<Dictionary<string, List<IFeature>>> DecodedAsync(HttpClient client, string layer, int z, int x, int y)
    {
        var bytes = await client.GetByteArrayAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z));
        return tile.Layers.ToDictionary(l => l.Name, l => l.Features.ToList());
    }
}
