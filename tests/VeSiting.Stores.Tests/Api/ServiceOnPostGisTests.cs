using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Core.Spatial;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;
using VeSiting.Stores.Tests.Conformance;
using VeSiting.Stores.Tests.Fixtures;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>The HTTP service on PostGIS: tiles from ST_AsMVT agree with the embedded encoder, and a new import is picked up by itself.</summary>
public sealed class ServiceOnPostGisTests(PostGisStores stores) : IClassFixture<PostGisStores>, IAsyncLifetime
{
    private string _handMade = null!;

    public async Task InitializeAsync() => _handMade = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_handMade);

    private static WebApplicationFactory<ServiceData> Service(string? database, double pollSeconds = 0.2) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            b.UseSetting("VeSiting:DataVersionPollSeconds", pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (database is not null)
                b.UseSetting("VeSiting:Database", database);
        });

    // Null while /health answers other than 200: seen once at load 8+, during the switch to the new data version.
    private static async Task<string?> DataVersionAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        if (!response.IsSuccessStatusCode)
            return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataVersion").GetString();
    }

    private static (int X, int Y) TileOf(double e, double n, int z)
    {
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(e, n);
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        return (x, y);
    }

    private static async Task<Dictionary<string, List<string>>> IdsAsync(HttpClient client, string layer, int z, int x, int y)
    {
        var bytes = await client.GetByteArrayAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z));
        return tile.Layers.ToDictionary(l => l.Name, l => l.Features
            .Select(f => Convert.ToString(f.Attributes.Exists("id") ? f.Attributes["id"] : f.Attributes["code"], System.Globalization.CultureInfo.InvariantCulture)!)
            .Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData(7, 467394.6281, 6248471.3325)] // central Jutland, dense with turbines
    [InlineData(9, 638500, 6150500)]           // west of Høng
    [InlineData(10, 727557.90, 6174832.99)]    // Copenhagen
    public async Task St_asmvt_and_the_embedded_encoder_give_the_same_features(int z, double e, double n)
    {
        using var embedded = Service(null);
        using var postgis = Service(stores.ConnectionStrings[1]);
        var (x, y) = TileOf(e, n, z);
        foreach (var layer in new[] { "plants", "boundaries" })
        {
            var expected = await IdsAsync(embedded.CreateClient(), layer, z, x, y);
            var actual = await IdsAsync(postgis.CreateClient(), layer, z, x, y);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var name in expected.Keys)
                Assert.Equal(expected[name], actual[name]);
        }
    }

    [Fact]
    public async Task A_new_import_is_served_without_a_restart_and_tiles_follow_it()
    {
        using var service = Service(_handMade);
        var client = service.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("postgis", health.GetProperty("store").GetString());
        Assert.Equal("hand-made", health.GetProperty("dataVersion").GetString());

        // The hand-made turbines a, b and the solar park lie in one z12 tile; c is decommissioned and not drawn.
        var (x, y) = TileOf(600100, 6200100, 12);
        var before = await client.GetAsync($"/tiles/plants/12/{x}/{y}.mvt");
        Assert.Equal(["a", "b", "solar-1"], (await IdsAsync(client, "plants", 12, x, y))["plants"]);

        var real = await RealData.GetAsync();
        await using (var dataSource = PostGisConnection.CreateDataSource(_handMade))
            await new PostGisImporter(dataSource).ImportAsync(real);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? version = null;
        while (DateTime.UtcNow < deadline && (version = await DataVersionAsync(client)) != real.Version.Id)
            await Task.Delay(200);
        Assert.Equal(real.Version.Id, version);

        var after = await client.GetAsync($"/tiles/plants/12/{x}/{y}.mvt");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.DoesNotContain("plants", (await IdsAsync(client, "plants", 12, x, y)).Where(l => l.Value.Contains("a")).Select(l => l.Key));
    }

    [Fact]
    public async Task The_moment_after_the_database_switched_version_health_stays_ok_and_a_read_may_be_retried_at_once()
    {
        using var service = Service(_handMade, pollSeconds: 600);
        var client = service.CreateClient();
        Assert.Equal("hand-made", await DataVersionAsync(client));

        // As an import by another process ends: the database holds a newer data version (a later loaded_at). The watcher
        // polls every 10 minutes here, so the first request after it is pinned to the version this instance still serves.
        await SetDataVersionAsync("hand-made-2");
        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            var body = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("ok", body.GetProperty("status").GetString());
            Assert.Equal("hand-made", body.GetProperty("dataVersion").GetString());
            Assert.Equal("hand-made-2", body.GetProperty("databaseVersion").GetString());
        }
        Assert.True(await EventuallyAsync(async () => await DataVersionAsync(client) == "hand-made-2"), "the instance never followed the database");

        await SetDataVersionAsync("hand-made-3");
        using (var read = await client.GetAsync("/api/addresses?q=a"))
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1", Assert.Single(read.Headers.GetValues("Retry-After")));
        }
        Assert.True(await EventuallyAsync(async () =>
        {
            using var again = await client.GetAsync("/api/addresses?q=a");
            return again.IsSuccessStatusCode;
        }), "reads never resumed");
        Assert.Equal("hand-made-3", await DataVersionAsync(client));
    }

    private async Task SetDataVersionAsync(string id)
    {
        await using var dataSource = PostGisConnection.CreateDataSource(_handMade);
        await using var command = dataSource.CreateCommand("UPDATE data_version SET id = $1, loaded_at = loaded_at + interval '1 minute'");
        command.Parameters.AddWithValue(id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
                return true;
        }
        return false;
    }
}
