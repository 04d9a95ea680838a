namespace VeSiting.Core.Projects;

/// <summary>
/// The rule that infers which turbines one permit covered (a park), where neither the register's park relation nor a
/// user's grouping says so (docs/rules-and-tariffs.md, "Projects"). Two turbines belong to one project when they share
/// status and siting, manufacturer and model (both known), hub height and rotor diameter (within
/// <see cref="DimensionToleranceM"/>), were connected within <see cref="MaxConnectionGapDays"/> of each other, and
/// stand within <see cref="MaxSpacingRotorDiameters"/> rotor diameters of each other; projects are the connected
/// groups of that relation (single linkage), so a row of turbines is one project however long.
/// </summary>
public sealed record ProjectGroupingRule
{
    /// <summary>
    /// Danish parks stand in rows 3–6 rotor diameters apart (wider along the prevailing wind); 10 diameters still links
    /// a row with one empty position, while separate parks of the same model are normally kilometres apart.
    /// </summary>
    public double MaxSpacingRotorDiameters { get; init; } = 10;

    /// <summary>One permit's turbines are erected in one campaign; a year covers staged connections.</summary>
    public int MaxConnectionGapDays { get; init; } = 365;

    public double DimensionToleranceM { get; init; } = 1;

    public static ProjectGroupingRule Default { get; } = new();

    public string Describe() => Because.Text;

    /// <summary>The rule in words, as data.</summary>
    public Explanations.Reason Because => Explanations.Reason.Of("grouping.rule",
        ("tolerance", DimensionToleranceM), ("days", MaxConnectionGapDays), ("spacing", MaxSpacingRotorDiameters));
}

/// <summary>Assigns every wind turbine a project: the register's or the user's where given, else inferred by <see cref="ProjectGroupingRule"/>.</summary>
public static class ProjectGrouping
{
    public const string InferredPrefix = "inferred:";

    /// <summary>
    /// The plants with <see cref="Plant.ProjectId"/> set on every wind turbine: ids already set (register, user) are
    /// kept; the others are grouped by the rule and named after their smallest GSRN ("inferred:…"). Other plants
    /// are returned unchanged (a solar park is one plant, its own project).
    /// </summary>
    public static IReadOnlyList<Plant> Infer(IReadOnlyList<Plant> plants, ProjectGroupingRule? rule = null)
    {
        rule ??= ProjectGroupingRule.Default;
        var candidates = Enumerable.Range(0, plants.Count)
            .Where(i => plants[i] is { Kind: PlantKind.WindTurbine, ProjectId: null, Geometry: Point }).ToList();
        var parent = candidates.ToDictionary(i => i, i => i);

        foreach (var group in candidates.GroupBy(i => GroupKey(plants[i])).Where(g => g.Key is not null))
        {
            var members = group.ToList();
            for (var a = 0; a < members.Count; a++)
                for (var b = a + 1; b < members.Count; b++)
                    if (Linked(plants[members[a]], plants[members[b]], rule))
                        Union(parent, members[a], members[b]);
        }

        var names = candidates.GroupBy(i => Find(parent, i))
            .ToDictionary(g => g.Key, g => InferredPrefix + g.Select(i => plants[i].Id).Min(StringComparer.Ordinal));
        var result = plants.ToArray();
        foreach (var i in candidates)
            result[i] = plants[i] with { ProjectId = names[Find(parent, i)], ProjectBasis = Domain.ProjectBasis.Inferred };
        return result;
    }

    private static string? GroupKey(Plant p)
    {
        if (p.Manufacturer is not { Length: > 0 } make || p.Model is not { Length: > 0 } model || IsUnknown(make) || IsUnknown(model)
            || p.HubHeightM is null || p.RotorDiameterM is not > 0 || p.ConnectedOn is null)
            return null;
        return $"{p.Status}|{p.Siting}|{make.Trim().ToUpperInvariant()}|{model.Trim().ToUpperInvariant()}";
    }

    private static bool IsUnknown(string text) => text.Trim().Equals("Ukendt", StringComparison.OrdinalIgnoreCase) || text.Trim().Equals("Unknown", StringComparison.OrdinalIgnoreCase);

    private static bool Linked(Plant a, Plant b, ProjectGroupingRule rule) =>
        Math.Abs(a.HubHeightM!.Value - b.HubHeightM!.Value) <= rule.DimensionToleranceM
        && Math.Abs(a.RotorDiameterM!.Value - b.RotorDiameterM!.Value) <= rule.DimensionToleranceM
        && Math.Abs(a.ConnectedOn!.Value.DayNumber - b.ConnectedOn!.Value.DayNumber) <= rule.MaxConnectionGapDays
        && a.Geometry.Distance(b.Geometry) <= rule.MaxSpacingRotorDiameters * Math.Max(a.RotorDiameterM.Value, b.RotorDiameterM.Value);

    private static int Find(Dictionary<int, int> parent, int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(Dictionary<int, int> parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
