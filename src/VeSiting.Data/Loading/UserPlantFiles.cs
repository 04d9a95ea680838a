using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.UserFiles;

namespace VeSiting.Data.Loading;

/// <summary>
/// Applies a user's permit dates and project groupings to the loaded plants, by GSRN (every plant with that id,
/// operating or decommissioned). A GSRN matching no plant is reported as a skipped row of the user's file.
/// </summary>
public static class UserPlantFiles
{
    public sealed record Applied(IReadOnlyList<Plant> Plants, IReadOnlyList<ImportIssue> PermitDateIssues, IReadOnlyList<ImportIssue> GroupingIssues);

    public static Applied Apply(IReadOnlyList<Plant> plants, IReadOnlyList<PermitDateRow> permitDates, IReadOnlyList<ProjectGroupingRow> groupings)
    {
        if (permitDates.Count == 0 && groupings.Count == 0)
            return new Applied(plants, [], []);
        var ids = plants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var permits = permitDates.ToDictionary(p => p.Gsrn, StringComparer.Ordinal);
        var projects = groupings.ToDictionary(g => g.Gsrn, StringComparer.Ordinal);
        var annotated = plants.Select(plant =>
        {
            if (permits.TryGetValue(plant.Id, out var permit))
                plant = plant with { PermitDate = permit.PermitDate, PermitDateSource = $"permit-dates file {permit.Origin.File}" };
            if (projects.TryGetValue(plant.Id, out var project))
                plant = plant with { ProjectId = project.ProjectId, ProjectBasis = ProjectBasis.User };
            return plant;
        }).ToList();
        return new Applied(annotated, Unknown(permitDates.Select(p => (p.Gsrn, p.Origin)), ids), Unknown(groupings.Select(g => (g.Gsrn, g.Origin)), ids));
    }

    private static List<ImportIssue> Unknown(IEnumerable<(string Gsrn, RecordOrigin Origin)> rows, HashSet<string> ids) =>
        rows.Where(r => !ids.Contains(r.Gsrn))
            .Select(r => new ImportIssue(ImportIssueSeverity.Skipped, r.Origin.File, r.Origin.Row, "gsrn",
                Reason.Of("import.gsrn-not-loaded", ("gsrn", r.Gsrn))))
            .ToList();
}
