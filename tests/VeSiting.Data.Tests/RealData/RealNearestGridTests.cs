using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;

namespace VeSiting.Data.Tests.RealData;

/// <summary>The fast nearest-plant grid on the real register: every real address and a synthetic national sample get the brute-force answer.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealNearestGridTests(RealDataSet real)
{
    [Fact]
    public void Real_addresses_and_synthetic_dwellings_get_the_brute_force_nearest_plant()
    {
        var covered = real.Data.Plants.Where(p => p.Status == PlantStatus.Operating
            && (p is { Kind: PlantKind.WindTurbine, TotalHeightM: >= 25 } || p is { Kind: PlantKind.SolarPark, CapacityKw: >= 500 })).ToList();
        var grid = new NearestPlantGrid(covered);
        var (sx, sy, _) = SyntheticDwellings.Generate(real.Data.Municipalities, real.Data.Population, seed: 7, total: 5_000);
        var xs = real.Data.Addresses.Select(a => a.Position.X).Concat(sx).ToArray();
        var ys = real.Data.Addresses.Select(a => a.Position.Y).Concat(sy).ToArray();
        var nearest = new int[xs.Length];
        var distances = new double[xs.Length];

        grid.NearestAll(xs, ys, nearest, distances);

        for (var i = 0; i < xs.Length; i++)
        {
            var point = GeometryTransforms.Utm32Point(xs[i], ys[i]);
            var expected = covered.Select(p => (p.Id, Distance: p.Geometry.Distance(point)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Id, StringComparer.Ordinal).First();
            Assert.Equal(expected.Id, grid[nearest[i]].Id);
            Assert.Equal(expected.Distance, distances[i], 0.001);
        }
    }

    [Fact]
    public void The_synthetic_set_is_deterministic_and_proportional_to_population()
    {
        var first = SyntheticDwellings.Generate(real.Data.Municipalities, real.Data.Population, seed: 42);
        var second = SyntheticDwellings.Generate(real.Data.Municipalities, real.Data.Population, seed: 42);
        Assert.Equal(first.X, second.X);
        // 5,961,249 people / 2.13 persons per dwelling ≈ 2,798,708 (rounded per municipality).
        Assert.InRange(first.X.Length, 2_798_600, 2_798_800);
        // København (101): 659,350 / 2.13 ≈ 309,554 dwellings, all inside the municipality.
        Assert.Equal(309_554, first.Municipality.Count(c => c == 101));
    }
}
