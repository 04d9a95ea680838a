namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Every criterion a profile may use, registered once: the per-site and the raster engine, the profile loader and the answers read them here.</summary>
public static class SitingCriteria
{
    public static IReadOnlyList<SitingCriterion> All { get; } =
    [
        new PowerPriceCriterion(),
        new RenewableMwCriterion(),
        new HeatDistanceCriterion(),
        new HeatSizeCriterion(),
        new DwellingDistanceCriterion(),
        new PopulationCriterion(),
        new PointsDistanceCriterion(),
        new PointsCountCriterion(),
        new RegionalFigureCriterion(),
        new OxygenDemandCriterion(),
        new FarmlandCriterion(),
    ];

    private static readonly Dictionary<string, SitingCriterion> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static SitingCriterion? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The criterion a profile's line names (profiles are checked against the registry when they are loaded).</summary>
    public static SitingCriterion Of(CriterionSpec spec) => Find(spec.Criterion) ?? throw new ArgumentException($"unknown criterion '{spec.Criterion}'");
}
