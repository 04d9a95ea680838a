using VeSiting.Core.Importing;

namespace VeSiting.Core.Noise;

/// <summary>
/// Gives register wind turbines the sound power of their model from turbine-acoustics files, matched by
/// <see cref="TurbineModelName"/>. The register does not say which mode a turbine runs in, so where a model has several modes
/// the loudest at 8 m/s is used (the conservative choice) and its source names the mode. A turbine that already has sound power
/// (a planned layout's) keeps it. A row matching no loaded turbine is reported as skipped, not applied.
/// </summary>
public static class TurbineAcousticsMatch
{
    public sealed record Applied(IReadOnlyList<Plant> Plants, IReadOnlyList<ImportIssue> Issues, int Matched);

    public static Applied Apply(IReadOnlyList<Plant> plants, IReadOnlyList<TurbineAcousticsSheet> sheets)
    {
        if (sheets.Count == 0)
            return new Applied(plants, [], 0);
        var byModel = sheets.GroupBy(s => (s.ManufacturerKey, s.ModelKey))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Acoustics.Lwa8).ThenBy(s => s.Origin.Row).First());
        var used = new HashSet<(string, string)>();
        var matched = 0;
        var annotated = plants.Select(plant =>
        {
            if (plant.Kind != PlantKind.WindTurbine || plant.Acoustics is not null)
                return plant;
            var key = (TurbineModelName.Manufacturer(plant.Manufacturer), TurbineModelName.Model(plant.Model));
            if (key.Item1.Length == 0 || key.Item2.Length == 0 || !byModel.TryGetValue(key, out var sheet))
                return plant;
            used.Add(key);
            matched++;
            return plant with { Acoustics = sheet.Acoustics };
        }).ToList();
        var issues = byModel.Where(m => !used.Contains(m.Key)).Select(m => m.Value)
            .Select(s => new ImportIssue(ImportIssueSeverity.Skipped, s.Origin.File, s.Origin.Row, "model",
                Reason.Of("import.acoustics-no-turbine", ("manufacturer", s.Manufacturer), ("model", s.Model))))
            .OrderBy(i => i.Row).ToList();
        return new Applied(annotated, issues, matched);
    }
}
