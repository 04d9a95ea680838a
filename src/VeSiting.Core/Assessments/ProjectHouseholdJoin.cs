using VeSiting.Core.Projects;

namespace VeSiting.Core.Assessments;

/// <summary>One project's reach over a set of dwellings: the dwellings its VE-bonus reaches (each once) and whether the cap cuts k.</summary>
public readonly record struct ProjectReachCount(string ProjectId, int Dwellings, double CapacityKw, double KPerHouseholdKw, double CapShare)
{
    public bool Capped => Dwellings * KPerHouseholdKw > CapShare * CapacityKw + 1e-9;
    public double EffectiveKw => Capped ? CapShare * CapacityKw / Dwellings : KPerHouseholdKw;
}

/// <summary>
/// Every dwelling → the projects whose VE-bonus reaches it (k × H of any covered member, k from the VE-bonus rule set of
/// the project's permit period), each dwelling counted once per project, and the cap of each project applied. The
/// national batch form of the per-project rule of the site and project assessments, on all cores.
/// </summary>
public static class ProjectHouseholdJoin
{
    public static (IReadOnlyList<ProjectReachCount> Projects, long Pairs, int DwellingsReached) Run(IReadOnlyList<Plant> plants, PointGrid dwellings, SchemeDistanceBook rules)
    {
        var projects = plants.Where(p => p is { Kind: PlantKind.WindTurbine, Geometry: Point, TotalHeightM: > 0 } && rules.IsCovered(p))
            .GroupBy(PlantProject.KeyOf)
            .Select(g => (Id: g.Key, Members: g.ToList(), Bonus: BonusRules(g.ToList(), rules)))
            .Where(p => p.Bonus is not null)
            .ToArray();
        var reachedBy = new HashSet<int>[projects.Length];
        Parallel.For(0, projects.Length, j =>
        {
            var found = new HashSet<int>();
            foreach (var member in projects[j].Members)
            {
                var point = (Point)member.Geometry;
                dwellings.Within(point.X, point.Y, projects[j].Bonus!.Value.K * member.TotalHeightM!.Value, ref found, static (i, _, ref set) => set.Add(i));
            }
            reachedBy[j] = found;
        });
        var result = projects.Select((p, j) => new ProjectReachCount(p.Id, reachedBy[j].Count, p.Members.Sum(m => m.CapacityKw ?? 0), p.Bonus!.Value.KPerHousehold, p.Bonus.Value.CapShare))
            .Where(r => r.Dwellings > 0).ToList();
        var reached = new HashSet<int>();
        foreach (var set in reachedBy)
            reached.UnionWith(set);
        return (result, reachedBy.Sum(c => (long)c.Count), reached.Count);
    }

    /// <summary>The VE-bonus multiple, k and cap share of the project's permit period (its earliest member's bound), or null before the VE-bonus.</summary>
    private static (double K, double KPerHousehold, double CapShare)? BonusRules(IReadOnlyList<Plant> members, SchemeDistanceBook rules)
    {
        var date = PermitBasis.ForProject(members, rules.Today).Date ?? rules.Today;
        if (rules.Rules.Find(Schemes.VeBonus, date) is not { } set)
            return null;
        return (set["windMultipleOfH"].Value, set["kPerHousehold"].Value, set["capShareOfCapacity"].Value);
    }
}
