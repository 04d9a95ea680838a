using Microsoft.AspNetCore.Mvc.Testing;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Conformance;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>The <c>noise</c> tile layer gives the same bands on PostGIS as on the embedded engine (the same turbines from either store).</summary>
public sealed class NoiseTilesOnPostGisTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private static WebApplicationFactory<ServiceData> Service(string? database) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            if (database is not null)
                b.UseSetting("VeSiting:Database", database);
        });

    private static async Task<Dictionary<string, double>> BandsAsync(HttpClient client, int z, int x, int y)
    {
        var bytes = await client.GetByteArrayAsync($"/tiles/noise/{z}/{x}/{y}.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z));
        return tile.Layers.SelectMany(l => l.Features).GroupBy(f => (string)f.Attributes["band"]).ToDictionary(g => g.Key, g => g.Sum(f => f.Geometry.Area));
    }

    [Fact]
    public async Task Both_stores_give_the_same_noise_bands_around_the_park_near_Thisted()
    {
        // The eight-turbine park near Thisted (journey tests: project inferred:570715000002024939), z12.
        Tile.CreateAroundLocation(57.0257376, 8.7580531, 12, out var x, out var y);
        using var embedded = Service(null);
        using var postgis = Service(stores.ConnectionStrings[1]);

        var expected = await BandsAsync(embedded.CreateClient(), 12, x, y);
        var actual = await BandsAsync(postgis.CreateClient(), 12, x, y);

        Assert.Contains("open-country-8", expected.Keys);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var band in expected.Keys)
            Assert.Equal(expected[band], actual[band], expected[band] * 1e-9);
    }
}
