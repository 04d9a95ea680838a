using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>The tariff-impact layer: each municipality's net DKK per household, the same figure the impact answer gives, labelled.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImpactTileTests(ApiFactory factory)
{
    [Fact]
    public async Task A_municipality_in_the_tile_carries_the_impact_answers_net_per_household_its_basis_and_the_labels()
    {
        var client = factory.CreateClient();
        // z8 tile 135/79 holds Samsø (lon 10.6, lat 55.87: x = (10.6 + 180) / 360 × 256 = 135.5; y = (1 − ln(tan φ + sec φ) / π) / 2 × 256 = (1 − 1.1800 / π) / 2 × 256 = 79.9).
        var bytes = await client.GetByteArrayAsync("/tiles/tariff-impact/8/135/79.mvt?scenario=new-plants-banded");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(135, 79, 8));
        var features = tile.Layers.Single(l => l.Name == "tariff-impact").Features;
        var samsoe = features.First(f => (string)f.Attributes["code"] == "0741");

        // The national answer: revenue neutrality over Denmark, as the map shows it (an area's own answer keeps it neutral within the area).
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios/new-plants-banded/impact?synthetic=true"));
        var answer = json.RootElement.GetProperty("scenarios")[0].GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "0741");
        var net = answer.GetProperty("netDkkPerHousehold").GetDouble();
        Assert.Equal(net, Convert.ToDouble(samsoe.Attributes["net_dkk_per_household"], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Equal(answer.GetProperty("householdBasis").GetString(), samsoe.Attributes["basis"]);
        Assert.Equal(true, samsoe.Attributes["synthetic"]);
        Assert.Contains("proposal", (string)samsoe.Attributes["status"], StringComparison.Ordinal);
        // The class is the legend's for that value: the legend's bins are gains ≥ 500, 100–500, 0–100, pays 0–100, 100–500, ≥ 500.
        var expectedClass = net >= 500 ? "gain-500" : net >= 100 ? "gain-100" : net >= 0 ? "gain-0" : net >= -100 ? "pay-0" : net >= -500 ? "pay-100" : "pay-500";
        Assert.Equal(expectedClass, samsoe.Attributes["class"]);
        using var legend = JsonDocument.Parse(await client.GetStringAsync("/api/legend"));
        var layer = legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "tariff-impact");
        Assert.Contains(layer.GetProperty("legend").EnumerateArray(), e => e.GetProperty("value").GetString() == expectedClass);
    }
}
