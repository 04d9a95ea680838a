using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

/// <summary>The fast nearest-plant grid against a brute-force scan: same plant, distance to the millimetre.</summary>
public sealed class NearestPlantGridTests
{
    private static readonly RecordOrigin Origin = new("t", "t", 1);

    private static List<Plant> RandomPlants(int seed, int count, bool withSolarAreas)
    {
        var random = new Random(seed);
        var plants = new List<Plant>();
        for (var i = 0; i < count; i++)
        {
            // Clustered like wind farms: a few hundred sites with several turbines each.
            var (cx, cy) = (450_000 + random.NextDouble() * 400_000, 6_050_000 + random.NextDouble() * 350_000);
            plants.Add(PlannedPlants.Turbine($"t{i:D5}", cx, cy, 60, 80) with { Status = PlantStatus.Operating, Origin = Origin });
            if (i % 7 == 0)
                plants.Add(PlannedPlants.Turbine($"t{i:D5}b", cx + 250, cy, 60, 80) with { Status = PlantStatus.Operating, Origin = Origin });
        }
        if (withSolarAreas)
        {
            var wkt = new WKTReader();
            for (var i = 0; i < 20; i++)
            {
                var (x, y) = (500_000 + random.NextDouble() * 300_000, 6_100_000 + random.NextDouble() * 250_000);
                var area = GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(wkt.Read(
                    $"POLYGON (({x} {y}, {x + 1800} {y}, {x + 1800} {y + 900}, {x} {y + 900}, {x} {y}))"));
                plants.Add(new Plant { Id = $"s{i:D2}", Kind = PlantKind.SolarPark, Status = PlantStatus.Operating, Geometry = area, Origin = Origin, CapacityKw = 20_000 });
            }
        }
        return plants;
    }

    private static (Plant Plant, double Distance) BruteForce(List<Plant> plants, double x, double y)
    {
        var point = GeometryTransforms.Utm32Point(x, y);
        return plants.Select(p => (Plant: p, Distance: p.Geometry.Distance(point)))
            .OrderBy(p => p.Distance).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).ThenBy(p => p.Plant.Status).First();
    }

    [Theory]
    [InlineData(1, 300, false, 1_000.0)]
    [InlineData(2, 3000, true, 4_000.0)]
    [InlineData(3, 50, true, 25_000.0)]
    public void Every_random_point_gets_the_brute_force_answer(int seed, int plantCount, bool solar, double cellSize)
    {
        var plants = RandomPlants(seed, plantCount, solar);
        var grid = new NearestPlantGrid(plants, cellSize);
        var random = new Random(seed * 1000);
        var xs = Enumerable.Range(0, 3000).Select(_ => 400_000 + random.NextDouble() * 520_000).ToArray();
        var ys = Enumerable.Range(0, 3000).Select(_ => 6_000_000 + random.NextDouble() * 450_000).ToArray();
        var nearest = new int[xs.Length];
        var distances = new double[xs.Length];

        grid.NearestAll(xs, ys, nearest, distances);

        for (var i = 0; i < xs.Length; i++)
        {
            var (plant, distance) = BruteForce(plants, xs[i], ys[i]);
            Assert.Equal(plant.Id, grid[nearest[i]].Id);
            Assert.Equal(distance, distances[i], 0.001);
        }
    }

    [Fact]
    public void Ties_are_broken_by_id_like_the_stores()
    {
        var plants = new List<Plant>
        {
            PlannedPlants.Turbine("b", 600_300, 6_200_400, 60, 80) with { Status = PlantStatus.Operating },
            PlannedPlants.Turbine("a", 600_400, 6_199_700, 60, 80) with { Status = PlantStatus.Operating },
        };
        var (index, distance) = new NearestPlantGrid(plants, 1000).Nearest(600_000, 6_200_000);
        Assert.Equal("a", plants[index].Id);
        Assert.Equal(500, distance, 1e-9);
    }

    [Fact]
    public void Points_inside_a_solar_park_are_at_distance_zero_and_an_empty_grid_answers_nothing()
    {
        var plants = RandomPlants(4, 10, true);
        var solar = plants.First(p => p.Kind == PlantKind.SolarPark);
        var inside = solar.Geometry.InteriorPoint;
        var (index, distance) = new NearestPlantGrid(plants).Nearest(inside.X, inside.Y);
        Assert.Equal(solar.Id, plants[index].Id);
        Assert.Equal(0, distance);
        Assert.Equal((-1, double.PositiveInfinity), new NearestPlantGrid([]).Nearest(600_000, 6_200_000));
    }
}
