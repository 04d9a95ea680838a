using VeSiting.Core.Domain;
using VeSiting.Core.Synthetic;
using VeSiting.Data.Embedded;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Benchmarks;

/// <summary>
/// The real data set (from the cache, fetched from the mirror where missing), loaded once per process, and what the
/// benchmarks share: covered plants in operation and a synthetic dwelling set.
/// </summary>
public static class BenchData
{
    /// <summary>Synthetic dwellings in the nearest-plant and join benchmarks (the national set is ≈ 2.8 million).</summary>
    public const int Dwellings = 200_000;

    private static readonly Lazy<EmbeddedSpatialStore> LazyStore = new(() =>
        new EmbeddedSpatialStore(DefaultData.LoadAsync(ProjectLayout.Locate()).GetAwaiter().GetResult()));

    private static readonly Lazy<(double[] X, double[] Y)> LazyDwellings = new(() =>
    {
        var (xs, ys, _) = SyntheticDwellings.Generate(Store.Data.Municipalities, Store.Data.Population, seed: 42, total: Dwellings);
        return (xs, ys);
    });

    public static EmbeddedSpatialStore Store => LazyStore.Value;

    public static (double[] X, double[] Y) SyntheticDwellingPoints => LazyDwellings.Value;

    /// <summary>Plants the neighbour schemes cover, in operation: wind turbines ≥ 25 m total height, solar parks ≥ 500 kW (as bench nearest).</summary>
    public static List<Plant> CoveredPlants() => Store.Data.Plants.Where(p => p.Status == PlantStatus.Operating
        && (p is { Kind: PlantKind.WindTurbine, TotalHeightM: >= 25 } || p is { Kind: PlantKind.SolarPark, CapacityKw: >= 500 })).ToList();
}
