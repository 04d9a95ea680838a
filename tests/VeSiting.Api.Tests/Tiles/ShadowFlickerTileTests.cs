using Microsoft.Extensions.DependencyInjection;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tests.Tiles;

[Collection(ApiCollection.Name)]
public sealed class ShadowFlickerTileTests(ApiFactory factory)
{
    [Fact]
    public async Task A_flicker_tile_colours_each_dwelling_as_its_site_answer_says()
    {
        // The z14 tile holding Drøsselbjergvej 3, 4200 Slagelse (E 639567.62, N 6150034.92), near journey 1's site:
        // x = ⌊(lon + 180) / 360 · 2¹⁴⌋, y = ⌊(1 − ln(tan φ + sec φ) / π) / 2 · 2¹⁴⌋ (the slippy-map formulas).
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(639567.62, 6150034.92);
        var n = 1 << 14;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var phi = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n);
        var data = factory.Services.GetRequiredService<ServiceData>();
        var source = factory.Services.GetRequiredService<TileSources>().Find("shadow-flicker");
        var scenario = data.Context(scenarioIds: ["banded-distance"]).Scenarios[0];
        var features = await source.FeaturesAsync(new TileRequest(new MercatorTile(14, x, y), new TileParameters(null, null, null, null), scenario, 5_000), CancellationToken.None);

        Assert.NotEmpty(features);
        var legend = source.Describe(data).Legend.Select(l => l.Value).ToHashSet();
        Assert.All(features, f => Assert.Contains((string)f.Attributes["band"], legend));
        var assessor = new ShadowFlickerAssessor(data.Context());
        foreach (var f in features.Take(5))
        {
            var id = (string)f.Attributes["id"];
            var part = await assessor.ForHomeAsync(new FlickerHome(id, id, (NetTopologySuite.Geometries.Point)f.Utm32), DateTime.UtcNow.Year);
            Assert.Equal(Math.Round(part.Dwellings[0].Flicker.WorstCaseHours, 1), Convert.ToDouble(f.Attributes["worst_case_h"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
