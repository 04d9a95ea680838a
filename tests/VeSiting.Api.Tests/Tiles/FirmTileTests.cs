using System.Globalization;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tests.Api;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>
/// The firms layer: a user's firms (<see cref="FirmsLayer"/>) on the map with their annual kWh, the zone a home at the same
/// place gets and what they save — the figures the impact answer adds up per zone — and its legend in both languages.
/// </summary>
public sealed class FirmTileTests(FirmsApiFactory factory) : IClassFixture<FirmsApiFactory>
{
    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private async Task<List<NetTopologySuite.Features.IFeature>> FirmsAtAsync(double lon, double lat, int z, string scenario)
    {
        Tile.CreateAroundLocation(lat, lon, z, out var x, out var y);
        var bytes = await factory.CreateClient().GetByteArrayAsync($"/tiles/firms/{z}/{x}/{y}.mvt?scenario={scenario}");
        return [.. new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, z)).Layers.SelectMany(l => l.Features)];
    }

    [Theory]
    [InlineData("banded-distance")]
    [InlineData("new-plants-banded")]
    public async Task Samsoes_firms_carry_their_kwh_and_zone_and_add_up_to_the_impact_answers_firm_rows(string scenario)
    {
        var firms = await FirmsAtAsync(10.6087, 55.8576, 12, scenario);

        Assert.Equal(["S1", "S2"], firms.Select(f => (string)f.Attributes["id"]).Order());
        var s1 = firms.Single(f => (string)f.Attributes["id"] == "S1");
        Assert.Equal(("Gartneri", "12345678", 900_000.0), ((string)s1.Attributes["name"], (string)s1.Attributes["cvr"], Number(s1.Attributes["annual_kwh"])));
        Assert.DoesNotContain("cvr", firms.Single(f => (string)f.Attributes["id"] == "S2").Attributes.GetNames());
        foreach (var f in firms)
        {
            // DKK a year = øre per kWh × kWh / 100.
            Assert.Equal(Number(f.Attributes["discount_ore_per_kwh"]) * Number(f.Attributes["annual_kwh"]) / 100, Number(f.Attributes["discount_dkk_per_year"]), 0);
            Assert.Contains("proposal", (string)f.Attributes["status"], StringComparison.Ordinal);
        }

        // A home at the firm's place is in the same zone (the site answer zones it alone, by ZoneResolver).
        using (var site = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/assess/site?lat=55.8576&lon=10.6087&scenario={scenario}")))
        {
            var zone = site.RootElement.GetProperty("tariffs").EnumerateArray().Single(t => t.GetProperty("scenario").GetString() == scenario).GetProperty("zone");
            Assert.Equal(zone.ValueKind == JsonValueKind.Null ? "none" : zone.GetString(), s1.Attributes["zone"]);
        }
        // The impact over Samsø counts the same firms in the same zones with the same savings.
        using var impact = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/scenarios/{scenario}/impact?area=municipality:741"));
        var zones = impact.RootElement.GetProperty("scenarios")[0].GetProperty("zones").EnumerateArray().ToList();
        foreach (var zone in zones)
        {
            var id = zone.GetProperty("zone").ValueKind == JsonValueKind.Null ? "none" : zone.GetProperty("zone").GetString();
            var inZone = firms.Where(f => (string)f.Attributes["zone"] == id).ToList();
            Assert.Equal(zone.GetProperty("firms").GetInt32(), inZone.Count);
            Assert.Equal(zone.GetProperty("firmKwh").GetDouble(), inZone.Sum(f => Number(f.Attributes["annual_kwh"])));
            Assert.Equal(zone.GetProperty("firmDiscountDkkPerYear").GetDouble(), inZone.Sum(f => Number(f.Attributes["discount_dkk_per_year"])), 1);
        }
    }

    [Fact]
    public async Task A_firm_beside_a_turbine_is_in_zone_A_and_saves()
    {
        var firms = await FirmsAtAsync(8.7600, 57.0260, 12, "banded-distance");

        var t1 = Assert.Single(firms);
        Assert.Equal(("T1", "A"), ((string)t1.Attributes["id"], (string)t1.Attributes["zone"]));
        Assert.True(Number(t1.Attributes["discount_dkk_per_year"]) > 0);
    }

    [Theory]
    [InlineData("en", "Your firms by zone (proposal)", "Firm in zone A (proposal)")]
    [InlineData("da", "Dine virksomheder efter zone (forslag)", "Virksomhed i zone A (forslag)")]
    public async Task The_legend_lists_the_firms_layer_sized_by_kwh_in_the_language_asked(string lang, string title, string zoneA)
    {
        using var legend = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/legend?lang={lang}"));
        var firms = legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "firms");

        Assert.Equal((title, "point", "zone"), (firms.GetProperty("title").GetString(), firms.GetProperty("geometry").GetString(), firms.GetProperty("styleAttribute").GetString()));
        Assert.Equal(["A", "B", "C", "none"], firms.GetProperty("legend").EnumerateArray().Select(e => e.GetProperty("value").GetString()));
        Assert.Equal(zoneA, firms.GetProperty("legend")[0].GetProperty("label").GetString());
        Assert.Equal("annual_kwh", firms.GetProperty("style").GetProperty("sizeBy").GetProperty("attribute").GetString());
        Assert.Equal(["scenario"], firms.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
    }
}
