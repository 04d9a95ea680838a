using System.Net;
using System.Text.Json;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>A TileJSON and its tiles agree: the same parameters accepted and refused, and the parameters kept in the tile URLs.</summary>
[Collection(ApiCollection.Name)]
public sealed class TileJsonConsistencyTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/tiles/tariff-zones.json?scenario=free-power")]
    [InlineData("/tiles/tariff-zones/9/267/160.mvt?scenario=free-power")]
    [InlineData("/tiles/dwellings.json?scenario=free-power")]
    public async Task An_unknown_scenario_is_refused_by_tilejson_and_tiles_alike(string url) =>
        await Problems.AssertProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest, "scenario");

    [Fact]
    public async Task An_unknown_profile_is_refused_by_the_suitability_tilejson() =>
        await Problems.AssertProblemAsync(await _client.GetAsync("/tiles/suitability.json?profile=nothing"), HttpStatusCode.NotFound, "profile");

    [Fact]
    public async Task The_suitability_tilejson_keeps_its_query_in_the_tile_urls()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tiles/suitability.json?profile=ptx-oxygen&area=region:1082&cell=5000"));
        var tiles = json.RootElement.GetProperty("tiles")[0].GetString()!;
        Assert.EndsWith("/tiles/suitability/{z}/{x}/{y}.mvt?profile=ptx-oxygen&area=region%3A1082&cell=5000", tiles, StringComparison.Ordinal);
        using var tariff = JsonDocument.Parse(await _client.GetStringAsync("/tiles/tariff-zones.json?scenario=banded-distance"));
        Assert.EndsWith(".mvt?scenario=banded-distance", tariff.RootElement.GetProperty("tiles")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0)] // Denmark (10° E, 56° N) lies in the north-eastern quarter
    public async Task Plant_tiles_hold_features_from_the_tilejsons_minzoom(int z, int x, int y)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tiles/plants.json"));
        Assert.True(json.RootElement.GetProperty("minzoom").GetInt32() <= z);
        var bytes = await _client.GetByteArrayAsync($"/tiles/plants/{z}/{x}/{y}.mvt");
        Assert.NotEmpty(bytes);
    }
}
