using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Assessments;

/// <summary>One dwelling's nearest covered plant, its distance and the scheme ring it lies in.</summary>
public readonly record struct ClassifiedDwelling(string Id, double E, double N, string? PlantId, double DistanceM, double? MultipleOfH, string Ring);

/// <summary>
/// Classifies very many dwellings at once (a municipality's or the nation's): nearest covered plant by the fast grid,
/// ring by the rules in force (minimum distance, sales option, VE-bonus; 200 m around solar). Works in chunks so
/// memory stays bounded however many dwellings stream through.
/// </summary>
public sealed class DwellingClassifier
{
    private readonly NearestPlantGrid _grid;
    private readonly double[] _ks;

    public DwellingClassifier(IEnumerable<Plant> plants, RuleBook rules, DateOnly today)
    {
        _grid = new NearestPlantGrid(plants.Where(IsCovered).ToList());
        _ks = new[] { (Schemes.MinimumDistance, "windMultipleOfH"), (Schemes.SalesOption, "windToMultipleOfH"), (Schemes.VeBonus, "windMultipleOfH") }
            .Select(s => rules.Find(s.Item1, today)?.Optional(s.Item2)?.Value).OfType<double>().Distinct().Order().ToArray();
    }

    public int CoveredPlants => _grid.Count;

    public static bool IsCovered(Plant p) => p.Status is PlantStatus.Operating or PlantStatus.Planned
        && (p is { Kind: PlantKind.WindTurbine, TotalHeightM: >= 25 } || p is { Kind: PlantKind.SolarPark, CapacityKw: >= 500 });

    public IEnumerable<ClassifiedDwelling> Classify(IEnumerable<(string Id, double E, double N)> dwellings, int chunkSize = 100_000, IProgress<long>? progress = null)
    {
        var ids = new string[chunkSize];
        var xs = new double[chunkSize];
        var ys = new double[chunkSize];
        var nearest = new int[chunkSize];
        var distances = new double[chunkSize];
        long done = 0;
        var count = 0;
        foreach (var (id, e, n) in dwellings)
        {
            (ids[count], xs[count], ys[count]) = (id, e, n);
            if (++count < chunkSize)
                continue;
            foreach (var row in Flush(count)) yield return row;
            progress?.Report(done += count);
            count = 0;
        }
        foreach (var row in Flush(count)) yield return row;
        progress?.Report(done + count);

        IEnumerable<ClassifiedDwelling> Flush(int length)
        {
            if (length == 0) yield break;
            _grid.NearestAll(xs.AsSpan(0, length), ys.AsSpan(0, length), nearest, distances);
            for (var i = 0; i < length; i++)
                yield return Classified(ids[i], xs[i], ys[i], nearest[i], distances[i]);
        }
    }

    private ClassifiedDwelling Classified(string id, double e, double n, int index, double distance)
    {
        if (index < 0)
            return new(id, e, n, null, double.PositiveInfinity, null, "no covered plant");
        var plant = _grid[index];
        if (plant.Kind == PlantKind.SolarPark)
            return new(id, e, n, plant.Id, distance, null, distance <= 200 ? "≤ 200 m of solar" : "beyond 200 m of solar");
        var h = plant.TotalHeightM!.Value;
        var k = distance / h;
        var ring = _ks.Length == 0 ? "" : k < _ks[0] ? $"< {_ks[0]:0.##} × H" : _ks.FirstOrDefault(x => k <= x) is var inside and > 0 ? $"≤ {inside:0.##} × H" : $"beyond {_ks[^1]:0.##} × H";
        return new(id, e, n, plant.Id, distance, k, ring);
    }
}
