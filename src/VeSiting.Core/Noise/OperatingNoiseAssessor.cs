using System.Collections.Concurrent;
using NetTopologySuite.Geometries.Prepared;
using VeSiting.Core.Assessments;

namespace VeSiting.Core.Noise;

/// <summary>
/// The noise order at homes from the wind turbines in operation: one home (the site answer) and a municipality's dwellings (the
/// municipality answer). Turbines are searched within the largest cut-off (<see cref="NoiseSource.CutoffM"/>) of any operating
/// turbine in the data, and each counts only within its own cut-off, as in a project's answer.
/// </summary>
public sealed class OperatingNoiseAssessor(AssessmentContext context)
{
    private static readonly ConcurrentDictionary<string, double> LargestCutoffByDataVersion = new();

    private static readonly PlantFilter Operating = new()
    {
        Statuses = new HashSet<PlantStatus> { PlantStatus.Operating },
        Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
    };

    private bool Available => context.Rules.Find(Schemes.Noise, context.Today) is not null && context.Rules.Find(Schemes.NoiseEstimates, context.Today) is not null;

    /// <summary>The noise at one home; null when the rules hold no noise rule set.</summary>
    public async Task<HomeNoise?> ForHomeAsync(string id, string label, Point position, CancellationToken cancellationToken = default)
    {
        if (!Available)
            return null;
        var provenance = new Provenance();
        var rules = NoiseRules.From(context.Rules, context.Today, provenance);
        var reach = await LargestCutoffAsync(rules, cancellationToken);
        var turbines = reach > 0 ? await TurbinesAsync(position, reach, rules, provenance, cancellationToken) : [];
        var field = new NoiseField(turbines.Where(t => t.Included).Select(t => t.Source!));
        var areas = await NoiseAreaLookup.LoadAsync(context.Store, position, cancellationToken);
        var area = areas.At(position);
        var noise = DwellingNoise.Judge(field.At(position.X, position.Y, area.Kind == NoiseAreaKind.SummerHouse), area, rules, hasPlanned: false);
        var byId = turbines.Where(t => t.Included).ToDictionary(t => t.Source!, t => t.Plant);
        var contributions = field.Contributions(position.X, position.Y)
            .Select(c => new NoiseContribution(byId[c.Source], Math.Round(Math.Sqrt((c.Source.X - position.X) * (c.Source.X - position.X) + (c.Source.Y - position.Y) * (c.Source.Y - position.Y)), 1),
                Round(c.Level8), Round(c.Level8 + 10 * Math.Log10(c.Source.Ratio6To8)), c.Source.Acoustics))
            .ToList();
        var counted = contributions.Select(c => c.Plant.Id).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<Reason> { areas.Why(rules) };
        reasons.AddRange(turbines.Where(t => t.Why is not null && (!t.Included || counted.Contains(t.Plant.Id))).Select(t => t.Why!));
        return new HomeNoise(id, label, position, noise, contributions, turbines, reasons, rules, provenance);
    }

    /// <summary>A municipality's dwellings under the noise from the turbines in operation (inside it or near enough); null without noise rules.</summary>
    public async Task<AreaNoise?> ForAreaAsync(AdminArea area, CancellationToken cancellationToken = default)
    {
        if (!Available)
            return null;
        var provenance = new Provenance();
        var rules = NoiseRules.From(context.Rules, context.Today, provenance);
        var reach = await LargestCutoffAsync(rules, cancellationToken);
        var turbines = reach > 0 ? await TurbinesAsync(area.Geometry, reach, rules, provenance, cancellationToken) : [];
        var sources = turbines.Where(t => t.Included).Select(t => t.Source!).Where(s => area.Geometry.Distance(new Point(s.X, s.Y)) <= s.CutoffM).ToList();
        var rows = new List<DwellingNoiseRow>();
        var reasons = new List<Reason>();
        if (sources.Count > 0)
        {
            var field = new NoiseField(sources);
            var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
            var points = factory.CreateMultiPointFromCoords([.. sources.Select(s => new Coordinate(s.X, s.Y))]);
            var sites = await context.Store.SitesWithinAsync(points, field.MaxCutoffM, cancellationToken);
            var inside = PreparedGeometryFactory.Prepare(area.Geometry);
            var dwellings = sites.Addresses.Select(a => a.Address).Where(a => inside.Covers(a.Position)).DistinctBy(a => a.Id).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            var areas = await NoiseAreaLookup.LoadAsync(context.Store, factory.ToGeometry(area.Geometry.EnvelopeInternal), cancellationToken);
            foreach (var address in dwellings)
            {
                var where = areas.At(address.Position);
                var noise = field.At(address.Position.X, address.Position.Y, where.Kind == NoiseAreaKind.SummerHouse);
                if (noise.Turbines > 0)
                    rows.Add(new DwellingNoiseRow(address, DwellingNoise.Judge(noise, where, rules, hasPlanned: false)));
            }
            reasons.Add(areas.Why(rules));
        }
        var included = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var used = turbines.Where(t => !t.Included || included.Contains(t.Plant.Id)).ToList();
        reasons.AddRange(used.Where(t => t.Source?.Acoustics.Basis == AcousticsBasis.DataSheet && t.Why is not null).Select(t => t.Why!));
        var leftOut = used.Count(t => !t.Included);
        if (leftOut > 0)
            reasons.Add(Reason.Of("noise.turbines-left-out", ("turbines", leftOut)));
        var estimated = used.Count(t => t.Source?.Acoustics.IsEstimate == true);
        if (estimated > 0)
            reasons.Add(Reason.Of("noise.estimated-sound-power", ("turbines", estimated)));
        var summary = ProjectNoise.Summarise(rows);
        var over = rows.Where(r => r.Noise.Over8 || r.Noise.Over6 || r.Noise.OverLowFrequency)
            .OrderBy(r => Math.Min(r.Noise.Margin8, r.Noise.Margin6)).ThenBy(r => r.Address.Id, StringComparer.Ordinal).ToList();
        return new AreaNoise(summary, over, used, reasons, rules, provenance);
    }

    /// <summary>Operating wind turbines within <paramref name="reach"/> of the geometry that the method covers, as noise sources (or left out, with why).</summary>
    private async Task<List<NoiseTurbine>> TurbinesAsync(Geometry around, double reach, NoiseRules rules, Provenance provenance, CancellationToken cancellationToken)
    {
        var hits = await context.Store.PlantsWithinAsync(around, reach, Operating, cancellationToken);
        if (hits.Any(h => h.Plant.Siting == Siting.Offshore))
            provenance.Assume(Explanations.Reason.Of("assume.noise-offshore"));
        return [.. hits.Select(h => h.Plant).Where(NoiseSources.Covered).DistinctBy(p => p.Id).OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => NoiseSources.For(p, rules, provenance, inProject: false))
            .Where(t => !t.Included || around.Distance(new Point(t.Source!.X, t.Source.Y)) <= t.Source.CutoffM)];
    }

    /// <summary>The largest cut-off of any operating turbine the method covers (cached per data version): bounds every search.</summary>
    private async Task<double> LargestCutoffAsync(NoiseRules rules, CancellationToken cancellationToken)
    {
        var key = $"{context.Store.Version.Id}|{rules.Ref}|{rules.EstimatesRef}";
        if (LargestCutoffByDataVersion.TryGetValue(key, out var cached))
            return cached;
        var all = await context.Store.ListPlantsAsync(Operating, cancellationToken);
        var scratch = new Provenance();
        var largest = all.Where(NoiseSources.Covered).Select(p => NoiseSources.For(p, rules, scratch, inProject: false).Source?.CutoffM ?? 0).DefaultIfEmpty(0).Max();
        LargestCutoffByDataVersion[key] = largest;
        return largest;
    }

    private static double Round(double level) => Math.Round(level, 1, MidpointRounding.AwayFromZero);
}
