using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class CollectionAndTileApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Collections_page_features_in_wgs84_within_a_bbox()
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/collections"));
        Assert.Equal(6, list.RootElement.GetProperty("collections").GetArrayLength());

        var response = await _client.GetAsync("/api/collections/plants/items?bbox=8.0,56.2,8.6,56.5&limit=5");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = page.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count);
        Assert.True(page.RootElement.GetProperty("numberMatched").GetInt32() > 5);
        Assert.All(features, f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 7.99, 8.61);
            Assert.InRange(c[1].GetDouble(), 56.19, 56.51);
        });
        Assert.Contains(page.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next");
    }

    [Theory]
    [InlineData("/api/collections/plants/items?bbox=8,56", HttpStatusCode.BadRequest, "bbox")]
    [InlineData("/api/collections/plants/items?bbox=9,56,8,57", HttpStatusCode.BadRequest, "bbox")]
    [InlineData("/api/collections/plants/items?limit=0", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/collections/unicorns/items", HttpStatusCode.NotFound, "collectionId")]
    [InlineData("/tiles/plants/25/0/0.mvt", HttpStatusCode.BadRequest, "z")]
    [InlineData("/tiles/plants/3/8/0.mvt", HttpStatusCode.BadRequest, "x")]
    [InlineData("/tiles/plants/3/0/-1.mvt", HttpStatusCode.BadRequest, "y")]
    [InlineData("/tiles/plants/3/0/0.gif", HttpStatusCode.BadRequest, "format")]
    [InlineData("/tiles/unicorns/3/0/0.mvt", HttpStatusCode.NotFound, "layer")]
    [InlineData("/tiles/unicorns.json", HttpStatusCode.NotFound, "layer")]
    [InlineData("/tiles/tariff-zones/10/546/319.mvt?scenario=capacity-weighted", HttpStatusCode.BadRequest, "scenario")]
    public async Task Bad_collection_and_tile_requests_are_problems(string url, HttpStatusCode status, string field)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync(url), status, field);
    }

    [Fact]
    public async Task A_vector_tile_holds_the_plants_inside_it()
    {
        // z7 tile over central Jutland; decode with NetTopologySuite's reader.
        var bytes = await _client.GetByteArrayAsync("/tiles/plants/7/67/39.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(67, 39, 7));
        var plants = Assert.Single(tile.Layers, l => l.Name == "plants");
        Assert.True(plants.Features.Count > 500, $"{plants.Features.Count} plants");
        var bounds = new Tile(67, 39, 7);
        Assert.All(plants.Features, f =>
        {
            var c = f.Geometry.Coordinate;
            Assert.InRange(c.X, bounds.Left - 0.1, bounds.Right + 0.1);
            Assert.InRange(c.Y, bounds.Bottom - 0.1, bounds.Top + 0.1);
        });
        Assert.Contains(plants.Features, f => (string)f.Attributes["kind"] == "WindTurbine");
    }

    [Fact]
    public async Task Boundary_tiles_render_as_png_too()
    {
        var response = await _client.GetAsync("/tiles/boundaries/6/33/19.png");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 2000, "a tile over Denmark has drawn boundaries");
    }

    [Fact]
    public async Task Tiles_carry_an_etag_from_the_data_version_answer_304_and_are_cached()
    {
        var first = await _client.GetAsync("/tiles/scheme-zones/11/1087/638.mvt");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/tiles/scheme-zones/11/1087/638.mvt");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, etag.IsWeak));
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);

        var before = await Counter("vesiting_tile_cache_hits_total");
        await _client.GetByteArrayAsync("/tiles/scheme-zones/11/1087/638.mvt");
        Assert.Equal(before + 1, await Counter("vesiting_tile_cache_hits_total"));
    }

    [Theory]
    [InlineData("tariff-zones", 8)]
    [InlineData("scheme-zones", 9)]
    [InlineData("boundaries", 7)]
    public async Task Every_tile_over_Denmark_renders(string layer, int z)
    {
        // Unions, differences and clipping of real geometry once threw topology errors; every tile over Denmark must render.
        var n = 1 << z;
        int X(double lon) => (int)Math.Floor((lon + 180) / 360 * n);
        int Y(double lat) => (int)Math.Floor((1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * n);
        var failures = new List<string>();
        for (var x = X(8.0); x <= X(12.7); x++)
        {
            for (var y = Y(57.8); y <= Y(54.6); y++)
            {
                var response = await _client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{z}/{x}/{y}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Tilejson_describes_each_layer()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tiles/plants.json"));
        Assert.Equal("3.0.0", json.RootElement.GetProperty("tilejson").GetString());
        Assert.EndsWith("/tiles/plants/{z}/{x}/{y}.mvt", json.RootElement.GetProperty("tiles")[0].GetString());
        Assert.Contains("Energistyrelsen", json.RootElement.GetProperty("attribution").GetString());
    }

    private async Task<long> Counter(string name)
    {
        var line = (await _client.GetStringAsync("/metrics")).Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
