using System.Collections.Concurrent;
using VeSiting.Core.Noise;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// Where the total noise from the wind turbines in operation is over each outdoor limit of the noise order, at 8 and 6 m/s
/// (limits from the <c>noise</c> rule set in force): the bands of <see cref="NoiseBandMap"/> over the tile, on a grid of about
/// 256 cells across it (never finer than 10 m). The turbines are those within the largest cut-off of any turbine in operation
/// (the method's own reach); the same store queries on both stores.
/// </summary>
public sealed class NoiseTiles(ServiceData data) : ITileSource
{
    /// <summary>Cells across a tile, and the finest cell (m): the grid a tile's outlines follow.</summary>
    private const int CellsAcross = 256;
    private const double FinestCellM = 10;

    private static readonly ConcurrentDictionary<string, double> LargestCutoff = new();

    private static readonly PlantFilter Operating = new()
    {
        Statuses = new HashSet<PlantStatus> { PlantStatus.Operating },
        Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
    };

    // Labels come from the rules in force (Describe); only colours are set here.
    public TileLayer Layer { get; } = new("noise", "Noise over the limits (turbines in operation)",
        "Where the total noise from the wind turbines in operation is over the noise order's outdoor limits (BEK 135/2019), at 8 and 6 m/s. Sound power is estimated where no data sheet is known.",
        10, 20, TileLayer.Polygons, ["scenario"], "band",
        [VectorLayerSchema.Of("noise", ("band", TileFieldType.String), ("wind_speed_ms", TileFieldType.Integer), ("limit_dba", TileFieldType.Number), ("area", TileFieldType.String), ("label", TileFieldType.String), ("cell_m", TileFieldType.Number))],
        [new("noise-sensitive-6", "#c6dbef", "over the noise-sensitive limit at 6 m/s"), new("noise-sensitive-8", "#6baed6", "over the noise-sensitive limit at 8 m/s"),
         new("open-country-6", "#fc9272", "over the open-country limit at 6 m/s"), new("open-country-8", "#cb181d", "over the open-country limit at 8 m/s")]);

    /// <summary>Legend labels with the limits of the rules in force.</summary>
    public TileLayer Describe(ServiceData data)
    {
        if (RulesInForce(data) is not { } rules)
            return Layer;
        var bands = NoiseLimitBand.Of(rules).ToDictionary(b => b.Id);
        return Layer with { Legend = [.. Layer.Legend.Select(l => bands.TryGetValue(l.Value, out var b) ? l with { Label = Label(b) } : l)] };
    }

    /// <summary>"over 44 dB(A) at 8 m/s (open country)": a band's legend label.</summary>
    public static string Label(NoiseLimitBand band) => Reason.Of("legend.noise.band", ("limit", band.Limit), ("speed", band.WindSpeed),
        ("area", Reason.Of(band.Area == NoiseAreaKind.OpenCountry ? "noise.area-open-country" : "legend.noise.area-noise-sensitive"))).Rendered;

    /// <summary>A published rule set moves the bands.</summary>
    public string Edition(ServiceData data) => data.RulesFingerprint;

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        if (RulesInForce(data) is not { } rules)
            return [];
        var provenance = new Provenance();
        var reach = await LargestCutoffAsync(rules, cancellationToken);
        if (reach <= 0)
            return [];
        var plants = await data.Store.PlantsWithinAsync(request.Utm32Area, reach, Operating, cancellationToken);
        var sources = plants.Select(p => p.Plant).Where(NoiseSources.Covered).Select(p => NoiseSources.For(p, rules, provenance, inProject: false).Source)
            .OfType<NoiseSource>().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
            return [];
        var focus = request.Utm32Area.EnvelopeInternal;
        var cell = Math.Max(FinestCellM, Math.Max(focus.Width, focus.Height) / CellsAcross);
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var map = NoiseBandMap.Compute(sources, rules, focus, cell, (long)(CellsAcross + 16) * (CellsAcross + 16), factory, maxDegreeOfParallelism: 1);
        if (map is null)
            return [];
        return [.. Layer.Legend.Select(l => map.Bands.Single(b => b.Band.Id == l.Value))
            .Where(b => !b.Area.IsEmpty)
            .Select(b => new TileFeature("noise", b.Area, TileAttributes.Of(("band", b.Band.Id), ("wind_speed_ms", b.Band.WindSpeed), ("limit_dba", b.Band.Limit),
                ("area", b.Band.Area == NoiseAreaKind.OpenCountry ? "open-country" : "noise-sensitive"), ("label", Label(b.Band)), ("cell_m", map.Frame.Cell))))];
    }

    private static NoiseRules? RulesInForce(ServiceData data)
    {
        var context = data.Context();
        return context.Rules.Find(Schemes.Noise, context.Today) is null || context.Rules.Find(Schemes.NoiseEstimates, context.Today) is null
            ? null
            : NoiseRules.From(context.Rules, context.Today, new Provenance());
    }

    /// <summary>The largest cut-off of any wind turbine in operation: no turbine farther from a tile can lift its noise.</summary>
    private async Task<double> LargestCutoffAsync(NoiseRules rules, CancellationToken cancellationToken)
    {
        var key = $"{data.Store.Version.Id}|{rules.Ref}|{rules.EstimatesRef}";
        if (LargestCutoff.TryGetValue(key, out var cached))
            return cached;
        var provenance = new Provenance();
        var all = await data.Store.ListPlantsAsync(Operating, cancellationToken);
        var largest = all.Where(NoiseSources.Covered).Select(p => NoiseSources.For(p, rules, provenance, inProject: false).Source?.CutoffM ?? 0).DefaultIfEmpty(0).Max();
        LargestCutoff[key] = largest;
        return largest;
    }
}
