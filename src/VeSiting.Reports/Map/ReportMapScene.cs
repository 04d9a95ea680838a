using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Stores;

namespace VeSiting.Reports.Map;

/// <summary>A shape to draw, in EPSG:25832, with its colour (#rrggbb) and, for points, whether it is over a noise or flicker limit.</summary>
public sealed record MapShape(Geometry Geometry, string Colour, bool OverLimit = false, string? Label = null);

/// <summary>A legend line: a colour and what it means; <see cref="Area"/> for a ring (a filled square), else a dot.</summary>
public sealed record MapLegendEntry(string Colour, string Label, bool Area);

/// <summary>
/// What the report map shows, in EPSG:25832: the area, the municipal boundaries, the scheme rings (outermost first), registered
/// plants nearby, every dwelling of the answer (in the rings by scheme, over a noise or flicker limit marked), the project's plants.
/// </summary>
public sealed record ReportMapScene(
    Envelope Area,
    IReadOnlyList<Geometry> Boundaries,
    IReadOnlyList<MapShape> Rings,
    IReadOnlyList<MapShape> RegisteredPlants,
    IReadOnlyList<MapShape> Dwellings,
    IReadOnlyList<MapShape> ProjectPlants,
    IReadOnlyList<MapLegendEntry> Legend,
    IReadOnlyList<string> Attribution)
{
    /// <summary>Gathers the scene of a project answer: its rings, dwellings and plants, and from the store the boundaries and registered plants in view.</summary>
    public static async Task<ReportMapScene> OfAsync(ISpatialStore store, ProjectAssessment a, ShadowFlickerPart flicker, MapWords words, CancellationToken cancellationToken = default)
    {
        var factory = a.Project.Plants[0].Geometry.Factory;
        var rings = RingsOf(a, words);
        var noise = (a.Noise?.Dwellings ?? []).ToDictionary(n => n.Address.Id, StringComparer.Ordinal);
        bool Over(string id) => noise.TryGetValue(id, out var n) && (n.Noise.Over8 || n.Noise.Over6 || n.Noise.OverLowFrequency) || flicker.For(id)?.OverLimit == true;

        var dwellings = new List<MapShape>();
        var inRings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in a.Dwellings)
        {
            inRings.Add(d.Address.Id);
            dwellings.Add(new MapShape(d.Address.Position, MapColours.OfScheme(a.Distances.BandOf(d.NearestPlant, d.DistanceM)?.Id ?? "fee"), Over(d.Address.Id)));
        }
        var others = noise.Values.Select(n => (n.Address.Id, (Geometry)n.Address.Position))
            .Concat(flicker.Dwellings.Select(f => (f.Home.Id, (Geometry)f.Home.Position)))
            .Where(x => inRings.Add(x.Id)).ToList();
        // Beyond the rings first, so the dwellings in them are drawn on top.
        dwellings.InsertRange(0, others.Select(x => new MapShape(x.Item2, MapColours.Beyond, Over(x.Id))));

        var extent = new Envelope(a.Project.Plants[0].Geometry.EnvelopeInternal);
        foreach (var shape in rings.Concat(dwellings))
            extent.ExpandToInclude(shape.Geometry.EnvelopeInternal);
        foreach (var plant in a.Project.Plants)
            extent.ExpandToInclude(plant.Geometry.EnvelopeInternal);
        var margin = Math.Max(200, 0.08 * Math.Max(extent.Width, extent.Height));
        extent.ExpandBy(margin);

        var box = factory.ToGeometry(extent);
        var tolerance = Math.Max(extent.Width, extent.Height) / 3000;
        var boundaries = (await store.AreasMeetingAsync(AdminAreaKind.Municipality, extent, cancellationToken))
            .Select(m => TopologyPreservingSimplifier.Simplify(m.Geometry.Intersection(box), tolerance)).Where(g => !g.IsEmpty).ToList();

        var own = a.Project.Plants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var registered = (await store.PlantsWithinAsync(box, 0, PlantFilter.Any, cancellationToken))
            .Where(p => !own.Contains(p.Plant.Id) && p.Plant.Status is PlantStatus.Operating or PlantStatus.Planned)
            .Select(p => new MapShape(p.Plant.Geometry, MapColours.OfPlant(p.Plant.Kind))).ToList();
        var project = a.Project.Plants.Select(p => new MapShape(p.Geometry, p.Kind == PlantKind.SolarPark ? MapColours.SolarPark : MapColours.Project, Label: p.Id)).ToList();

        var legend = new List<MapLegendEntry> { new(MapColours.Project, words.ProjectPlant, false) };
        legend.AddRange(rings.Select(r => new MapLegendEntry(r.Colour, r.Label!, true)).Reverse());
        if (others.Count > 0)
            legend.Add(new MapLegendEntry(MapColours.Beyond, words.OtherDwelling, false));
        if (dwellings.Any(d => d.OverLimit))
            legend.Add(new MapLegendEntry(MapColours.OverLimit, words.OverLimit, false));
        if (registered.Count > 0)
            legend.Add(new MapLegendEntry(MapColours.WindTurbine, words.RegisteredPlant, false));
        legend.Add(new MapLegendEntry(MapColours.Municipality, words.Boundary, false));
        return new ReportMapScene(extent, boundaries, rings, registered, dwellings, project, legend, a.Attributions);
    }

    /// <summary>
    /// The project's rings, outermost first: each the union of its turbines' discs at k × H (distances are to the nearest member, as
    /// the answer measures them), and the solar distance around solar areas.
    /// </summary>
    private static List<MapShape> RingsOf(ProjectAssessment a, MapWords words)
    {
        var list = new List<MapShape>();
        var turbines = a.Project.Plants.Where(p => p.Kind != PlantKind.SolarPark && p.TotalHeightM is not null).ToList();
        foreach (var (k, _) in a.Rings.Where(_ => turbines.Count > 0).OrderByDescending(r => r.K))
        {
            var discs = turbines.Select(p => p.Geometry.Buffer(k * p.TotalHeightM!.Value, 48)).ToList();
            var ring = discs.Count == 1 ? discs[0] : CascadedPolygonUnion.Union(discs);
            var band = a.Distances.WindBands.FirstOrDefault(b => b.Outer == k);
            list.Add(new MapShape(ring, MapColours.OfScheme(band?.Id ?? "fee"), Label: words.Ring(band, k)));
        }
        if (a.SolarRadiusM is { } solar)
        {
            var discs = a.Project.Plants.Where(p => p.Kind == PlantKind.SolarPark).Select(p => p.Geometry.Buffer(solar, 24)).ToList();
            list.Add(new MapShape(discs.Count == 1 ? discs[0] : CascadedPolygonUnion.Union(discs), MapColours.Solar, Label: words.SolarRing(solar)));
        }
        return list;
    }
}
