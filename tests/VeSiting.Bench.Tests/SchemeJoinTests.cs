using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Bench.Tests;

/// <summary>The 8 × H join the end-to-end benchmark times, against brute force.</summary>
public sealed class SchemeJoinTests
{
    [Fact]
    public void The_8_H_join_counts_the_same_pairs_as_brute_force()
    {
        var random = new Random(11);
        var xs = Enumerable.Range(0, 20_000).Select(_ => 500_000 + random.NextDouble() * 60_000).ToArray();
        var ys = Enumerable.Range(0, 20_000).Select(_ => 6_200_000 + random.NextDouble() * 60_000).ToArray();
        var turbines = Enumerable.Range(0, 200).Select(i =>
            PlannedPlants.Turbine($"t{i}", 500_000 + random.NextDouble() * 60_000, 6_200_000 + random.NextDouble() * 60_000, 40 + random.Next(80), 40 + random.Next(100))).ToList();

        var (pairs, dwellings) = SchemeJoin.WithinMultipleOfHeight(turbines, new PointGrid(xs, ys, 700));

        long expectedPairs = 0;
        var expectedDwellings = new HashSet<int>();
        foreach (var t in turbines)
        {
            var (tx, ty, r) = (t.Geometry.Coordinate.X, t.Geometry.Coordinate.Y, 8 * t.TotalHeightM!.Value);
            for (var i = 0; i < xs.Length; i++)
            {
                if (Math.Sqrt((xs[i] - tx) * (xs[i] - tx) + (ys[i] - ty) * (ys[i] - ty)) <= r)
                {
                    expectedPairs++;
                    expectedDwellings.Add(i);
                }
            }
        }
        Assert.True(expectedPairs > 1000);
        Assert.Equal(expectedPairs, pairs);
        Assert.Equal(expectedDwellings.Count, dwellings);
    }
}
