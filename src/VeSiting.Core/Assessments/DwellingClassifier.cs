namespace VeSiting.Core.Assessments;

/// <summary>One dwelling's nearest covered plant, its distance and the scheme ring it lies in.</summary>
public readonly record struct ClassifiedDwelling(string Id, double E, double N, string? PlantId, double DistanceM, double? MultipleOfH, string Ring);

/// <summary>
/// Classifies very many dwellings at once (a municipality's or the nation's): nearest covered plant by the fast grid,
/// ring by the rules in force for that plant's permit period (minimum distance, sales option, VE-bonus; the solar
/// distance around solar), coverage by the plant-eligibility rules. Works in chunks so memory stays bounded however
/// many dwellings stream through.
/// </summary>
public sealed class DwellingClassifier
{
    private readonly NearestPlantGrid _grid;
    private readonly SchemeDistances[] _distances;

    public DwellingClassifier(IEnumerable<Plant> plants, RuleBook rules, DateOnly today)
    {
        var book = new SchemeDistanceBook(rules, today);
        var covered = plants.Where(p => p.Kind is PlantKind.WindTurbine or PlantKind.SolarPark && book.IsCovered(p)).ToList();
        _grid = new NearestPlantGrid(covered);
        _distances = [.. Enumerable.Range(0, _grid.Count).Select(i => book.For(_grid[i]))];
    }

    public int CoveredPlants => _grid.Count;

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
        var ring = _distances[index].RingLabel(plant, distance);
        return new(id, e, n, plant.Id, distance, plant.Kind == PlantKind.SolarPark ? null : distance / plant.TotalHeightM!.Value, ring);
    }
}
