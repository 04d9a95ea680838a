using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Api;
using VeSiting.Api.Tiles;
using VeSiting.Core.Domain;
using VeSiting.Core.Noise;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tests.Tiles;

[Collection(ApiCollection.Name)]
public sealed class NoiseTileTests(ApiFactory factory)
{
    [Fact]
    public async Task A_noise_tile_covers_each_turbine_in_operation_with_the_bands_its_own_noise_puts_it_in()
    {
        // The z13 tile holding the eight-turbine park near Thisted (lon 8.7580531, lat 57.0257376): x = ⌊(lon + 180) / 360 · 2¹³⌋,
        // y = ⌊(1 − ln(tan φ + sec φ) / π) / 2 · 2¹³⌋.
        const int z = 13;
        var n = 1 << z;
        var x = (int)Math.Floor((8.7580531 + 180) / 360 * n);
        var phi = 57.0257376 * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n);
        var data = factory.Services.GetRequiredService<ServiceData>();
        var source = factory.Services.GetRequiredService<TileSources>().Find("noise");
        var scenario = data.Context(scenarioIds: ["banded-distance"]).Scenarios[0];
        var request = new TileRequest(new MercatorTile(z, x, y), new TileParameters(null, null, null, null), scenario, 5_000);
        var features = await source.FeaturesAsync(request, CancellationToken.None);

        var legend = source.Describe(data).Legend.Select(l => l.Value).ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Contains((string)f.Attributes["band"], legend));
        var bands = features.ToDictionary(f => (string)f.Attributes["band"], f => f.Utm32);

        // The noise the product computes at each turbine's foot (every turbine in operation within the largest cut-off, the
        // field of the site and project answers): where it is over a band's limit, the band covers the foot (to within a cell).
        var context = data.Context();
        var rules = NoiseRules.From(context.Rules, context.Today, new Provenance());
        var operating = new PlantFilter { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating }, Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine } };
        var near = await data.Store.PlantsWithinAsync(request.Utm32Area, 10_000, operating, CancellationToken.None);
        var field = new NoiseField(near.Select(p => p.Plant).Where(NoiseSources.Covered)
            .Select(p => NoiseSources.For(p, rules, new Provenance(), inProject: false).Source).OfType<NoiseSource>());
        var inside = near.Select(p => p.Plant).Where(p => NoiseSources.Covered(p) && request.Utm32Area.Buffer(-500).Covers(p.Geometry.Centroid)).ToList();
        Assert.NotEmpty(inside);
        foreach (var plant in inside)
        {
            var at = field.At(plant.Geometry.Centroid.X, plant.Geometry.Centroid.Y);
            foreach (var band in NoiseLimitBand.Of(rules))
            {
                var level = band.WindSpeed == 8 ? at.Level8 : at.Level6;
                if (Math.Round(level, 1) > band.Limit + 0.5)
                    Assert.True(bands[band.Id].Buffer(1).Covers(plant.Geometry.Centroid), $"{band.Id} covers {plant.Id} ({level:0.0} dB(A))");
            }
        }
        // Far from every turbine (where the field reaches no level over the lowest limit) no band is drawn.
        var quiet = new Coordinate(request.Utm32Area.EnvelopeInternal.MinX + 100, request.Utm32Area.EnvelopeInternal.MinY + 100);
        if (field.At(quiet.X, quiet.Y).Level8 < rules.LowestLimit8 - 0.5)
            Assert.DoesNotContain(bands.Values, b => b.Covers(new Point(quiet)));
    }
}
