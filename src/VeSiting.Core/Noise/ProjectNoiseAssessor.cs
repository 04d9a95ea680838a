using VeSiting.Core.Assessments;

namespace VeSiting.Core.Noise;

/// <summary>
/// The noise order at every dwelling a project's turbines reach: the project's turbines and every wind turbine in operation that
/// can matter there, together. Reach comes from the method: each turbine's cut-off (<see cref="NoiseSource.CutoffM"/>). Existing
/// turbines are searched within the project's reach plus the largest cut-off among the existing turbines found near it.
/// </summary>
public sealed class ProjectNoiseAssessor(AssessmentContext context)
{
    private bool _offshoreLeftOut;

    private static readonly PlantFilter Operating = new()
    {
        Statuses = new HashSet<PlantStatus> { PlantStatus.Operating },
        Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
    };

    /// <summary>Null when the rules hold no noise rule set, or the project has no wind turbine the method covers.</summary>
    public async Task<ProjectNoise?> AssessAsync(IReadOnlyList<Plant> projectPlants, CancellationToken cancellationToken)
    {
        var provenance = new Provenance();
        if (context.Rules.Find(Schemes.Noise, context.Today) is null || context.Rules.Find(Schemes.NoiseEstimates, context.Today) is null)
            return null;
        var rules = NoiseRules.From(context.Rules, context.Today, provenance);
        var projectTurbines = projectPlants.Where(NoiseSources.Covered).Select(p => NoiseSources.For(p, rules, provenance, inProject: true)).ToList();
        var projectSources = projectTurbines.Where(t => t.Included).Select(t => t.Source!).ToList();
        if (projectSources.Count == 0)
            return null;
        var reach = projectSources.Max(s => s.CutoffM);
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var around = factory.CreateMultiPoint([.. projectSources.Select(s => factory.CreatePoint(new Coordinate(s.X, s.Y)))]);
        var existing = await ExistingAsync(around, reach, projectPlants, rules, provenance, cancellationToken);
        var field = new NoiseField([.. projectSources, .. existing.Where(t => t.Included).Select(t => t.Source!)]);
        var within = around.Buffer(reach, 32);
        var addresses = await context.Store.AddressesInAsync(within, cancellationToken);
        var areas = await NoiseAreaLookup.LoadAsync(context.Store, within, cancellationToken);
        var rows = new List<DwellingNoiseRow>();
        foreach (var address in addresses.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var area = areas.At(address.Position);
            var noise = field.At(address.Position.X, address.Position.Y, area.Kind == NoiseAreaKind.SummerHouse);
            if (noise.PlannedEnergy8 <= 0)
                continue; // outside every project turbine's reach
            rows.Add(new DwellingNoiseRow(address, DwellingNoise.Judge(noise, area, rules, hasPlanned: true)));
        }
        var reasons = new List<Reason> { areas.Why(rules) };
        reasons.AddRange(projectTurbines.Concat(existing).Where(t => t.Why is not null).Select(t => t.Why!));
        if (_offshoreLeftOut)
            provenance.Assume(Explanations.Reason.Of("assume.noise-offshore"));
        return new ProjectNoise(rows, projectTurbines, existing, ProjectNoise.Summarise(rows), reasons, rules, provenance);
    }

    /// <summary>Operating wind turbines that can reach a dwelling within <paramref name="reach"/> of the project (never its own members).</summary>
    private async Task<List<NoiseTurbine>> ExistingAsync(Geometry around, double reach, IReadOnlyList<Plant> project, NoiseRules rules, Provenance provenance, CancellationToken cancellationToken)
    {
        var own = project.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, NoiseTurbine>(StringComparer.Ordinal);
        var radius = 2 * reach;
        while (true)
        {
            var hits = await context.Store.PlantsWithinAsync(around, radius, Operating, cancellationToken);
            _offshoreLeftOut |= hits.Any(h => h.Plant.Siting == Siting.Offshore);
            foreach (var hit in hits.Where(h => !own.Contains(h.Plant.Id) && !found.ContainsKey(h.Plant.Id) && NoiseSources.Covered(h.Plant)))
                found[hit.Plant.Id] = NoiseSources.For(hit.Plant, rules, provenance, inProject: false);
            var needed = reach + found.Values.Where(t => t.Included).Select(t => t.Source!.CutoffM).DefaultIfEmpty(0).Max();
            if (needed <= radius)
                break;
            radius = needed;
        }
        return [.. found.Values.Where(t => !t.Included || Math.Sqrt(Distance2(t.Source!, around)) <= reach + t.Source!.CutoffM).OrderBy(t => t.Plant.Id, StringComparer.Ordinal)];
    }

    private static double Distance2(NoiseSource s, Geometry around)
    {
        var d = around.Distance(new Point(s.X, s.Y));
        return d * d;
    }
}
