using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Conformance;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// The <c>tariff-impact</c> tile layer gives the same municipalities with the same net DKK per household on PostGIS as on the
/// embedded engine: the same synthetic dwellings (drawn from the same boundaries and population) and plants from either store.
/// </summary>
public sealed class ImpactTilesOnPostGisTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private static WebApplicationFactory<ServiceData> Service(string? database) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            if (database is not null)
                b.UseSetting("VeSiting:Database", database);
        });

    private static async Task<Dictionary<string, (string Name, double Net, long Households, long Zoned, string Class, string Basis, double Area)>> MunicipalitiesAsync(HttpClient client, int z, int x, int y)
    {
        var bytes = await client.GetByteArrayAsync($"/tiles/tariff-impact/{z}/{x}/{y}.mvt?scenario=new-plants-banded");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z));
        static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return tile.Layers.Single(l => l.Name == "tariff-impact").Features.GroupBy(f => (string)f.Attributes["code"]).ToDictionary(g => g.Key, g =>
        {
            var a = g.First().Attributes;
            return ((string)a["name"], Number(a["net_dkk_per_household"]), (long)Number(a["households"]), (long)Number(a["zoned"]), (string)a["class"], (string)a["basis"],
                g.Sum(f => f.Geometry.Area));
        });
    }

    [Fact]
    public async Task Both_stores_give_the_same_net_dkk_per_household_for_the_municipalities_of_a_tile()
    {
        // A z6 tile over northern and central Jutland (around lat 56.0, lon 9.5): tens of municipalities.
        Tile.CreateAroundLocation(56.0, 9.5, 6, out var x, out var y);
        using var embedded = Service(null);
        using var postgis = Service(stores.ConnectionStrings[1]);

        var expected = await MunicipalitiesAsync(embedded.CreateClient(), 6, x, y);
        var actual = await MunicipalitiesAsync(postgis.CreateClient(), 6, x, y);

        Assert.True(expected.Count >= 10, $"only {expected.Count} municipalities in the tile");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (code, e) in expected)
        {
            var a = actual[code];
            Assert.Equal((e.Name, e.Net, e.Households, e.Zoned, e.Class, e.Basis), (a.Name, a.Net, a.Households, a.Zoned, a.Class, a.Basis));
            Assert.Equal(e.Area, a.Area, e.Area * 1e-9);
        }
    }
}
