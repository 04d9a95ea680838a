using NetTopologySuite.Geometries.Prepared;

namespace VeSiting.Core.Synthetic;

/// <summary>
/// A deterministic synthetic national dwelling set for benchmarks: in each municipality, population / persons per
/// dwelling points, uniform inside the municipality polygon (rejection sampling), from a seed. Synthetic points carry
/// the "synthetic:" id prefix and are never mixed with real addresses.
/// </summary>
public static class SyntheticDwellings
{
    public const string IdPrefix = "synthetic:";
    public const double PersonsPerDwelling = 2.13;

    /// <summary>
    /// The seed of one municipality's draws: the same in every process (HashCode.Combine, used before, is randomised
    /// per process, so "seed 42" gave a different national set on every run).
    /// </summary>
    public static int SeedFor(int seed, int municipalityCode) => (int)(((long)seed * 1_000_003 + municipalityCode) & int.MaxValue);

    /// <summary>Dwelling coordinates (EPSG:25832) as flat arrays, ordered by municipality code then draw.</summary>
    public static (double[] X, double[] Y, int[] Municipality) Generate(IReadOnlyList<AdminArea> municipalities, IReadOnlyList<MunicipalityPopulation> population,
        int seed = 42, double personsPerDwelling = PersonsPerDwelling, int? total = null)
    {
        var people = population.GroupBy(p => p.MunicipalityCode).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Period)!.Population);
        var areas = municipalities.Where(m => m.NumericCode is { } c && people.ContainsKey(c)).OrderBy(m => m.NumericCode).ToList();
        var counts = areas.Select(m => people[m.NumericCode!.Value] / personsPerDwelling).ToArray();
        if (total is { } wanted)
        {
            var scale = wanted / counts.Sum();
            counts = counts.Select(c => c * scale).ToArray();
        }
        var rounded = counts.Select(c => (int)Math.Round(c)).ToArray();
        var n = rounded.Sum();
        var xs = new double[n];
        var ys = new double[n];
        var codes = new int[n];
        // Each municipality draws from its own seed into its own slice: the same points on any number of threads.
        var offsets = new int[areas.Count + 1];
        for (var a = 0; a < areas.Count; a++) offsets[a + 1] = offsets[a] + rounded[a];
        Parallel.For(0, areas.Count, a =>
        {
            var area = areas[a];
            var random = new Random(SeedFor(seed, area.NumericCode!.Value));
            var prepared = PreparedGeometryFactory.Prepare(area.Geometry);
            var e = area.Geometry.EnvelopeInternal;
            var factory = area.Geometry.Factory;
            for (var offset = offsets[a]; offset < offsets[a + 1]; offset++)
            {
                while (true)
                {
                    var x = e.MinX + random.NextDouble() * e.Width;
                    var y = e.MinY + random.NextDouble() * e.Height;
                    if (!prepared.Covers(factory.CreatePoint(new Coordinate(x, y))))
                        continue;
                    (xs[offset], ys[offset], codes[offset]) = (x, y, area.NumericCode.Value);
                    break;
                }
            }
        });
        return (xs, ys, codes);
    }
}
