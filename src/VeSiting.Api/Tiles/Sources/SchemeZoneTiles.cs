using NetTopologySuite.Operation.Union;
using VeSiting.Core.Projects;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>Scheme rings around covered plants, each plant's from the rules of its own permit period (a published rule set moves them).</summary>
public sealed class SchemeZoneTiles(ServiceData data) : ITileSource
{
    // Labels and the description come from the rules in force (Describe); only colours are set here.
    public TileLayer Layer { get; } = new("scheme-zones", "Scheme rings", "Scheme rings around covered plants, from the rules in force for each plant's permit period.", 9, 20, TileLayer.Polygons, ["scenario"], "ring",
        [VectorLayerSchema.Of("scheme-zones", ("project", TileFieldType.String), ("plant", TileFieldType.String), ("plants", TileFieldType.Integer), ("ring", TileFieldType.String), ("label", TileFieldType.String), ("radius_m", TileFieldType.Number))],
        [new(Schemes.MinimumDistance, "#d62728", "minimum distance"), new(Schemes.SalesOption, "#ff7f0e", "sales option"), new(Schemes.VeBonus, "#2ca02c", "VE-bonus"),
         new("solar", "#f2a900", "around covered solar")]);

    /// <summary>The rings described and labelled by the rules in force today.</summary>
    public TileLayer Describe(ServiceData data)
    {
        var current = data.SchemeDistances.Current;
        var bands = current.WindBands.Concat(current.SolarBands).ToList();
        var legend = Layer.Legend.Select(entry => bands.FirstOrDefault(b => b.Id == entry.Value) is { } band
            ? entry with { Label = band.MultipleOfH ? band.Because.Rendered : Reason.Of("legend.scheme-zones.solar-band", ("band", band.Because)).Rendered }
            : entry with { Label = Reason.Of("legend.scheme-zones.none-today", ("ring", LegendLanguage.Label(Layer, entry))).Rendered }).ToList();
        var description = Reason.Of("legend.scheme-zones.description-today", ("date", current.PermitDate), ("rings", string.Join("; ", legend.Select(l => l.Label)))).Rendered;
        return Layer with { Description = description, Legend = legend };
    }

    /// <summary>A published rule set changes the rings.</summary>
    public string Edition(ServiceData data) => data.RulesFingerprint;

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var list = new List<TileFeature>();
        var area = request.Utm32Area;
        var box = area.EnvelopeInternal;
        var metresPerPixel = request.Tile.MetresPerPixel;
        var book = data.SchemeDistances;
        var turbines = new List<Plant>();
        foreach (var hit in await data.Store.PlantsWithinAsync(area, book.SearchRadiusM, AssessmentContext.Candidates, cancellationToken))
        {
            var p = hit.Plant;
            if (p.Kind is not (PlantKind.WindTurbine or PlantKind.SolarPark) || !book.IsCovered(p))
                continue;
            if (p.Kind == PlantKind.WindTurbine && p.TotalHeightM is not null)
                turbines.Add(p);
            else if (p.Kind == PlantKind.SolarPark)
            {
                foreach (var band in book.For(p).SolarBands.Reverse())
                {
                    var zone = p.Geometry is Point ? Circles.Disc(p.Geometry, band.Outer, metresPerPixel) : p.Geometry.Buffer(band.Outer, 24);
                    list.Add(new("scheme-zones", zone, TileAttributes.Of(("project", PlantProject.KeyOf(p)), ("plant", p.Id), ("plants", 1), ("ring", band.Id), ("label", band.Label), ("radius_m", band.Outer))));
                }
            }
        }
        // A project's rings are the union of its members' rings: one outline per ring, however many turbines the park has.
        // A ring (a band from k₁ × H to k₂ × H) is where the nearest member is within k₂ × H but none within k₁ × H.
        foreach (var project in turbines.GroupBy(PlantProject.KeyOf))
        {
            var members = project.ToList();
            var bands = members.SelectMany(m => book.For(m).WindBands.Select(b => (Member: m, Band: b))).GroupBy(x => x.Band.Id);
            foreach (var band in bands.Reverse())
            {
                var outer = band.Select(x => (x.Member, Radius: x.Band.Outer * x.Member.TotalHeightM!.Value)).ToList();
                if (!outer.Any(o => box.Intersects(Around(o.Member, o.Radius))))
                    continue;
                var discs = outer.Select(o => (Geometry)Circles.Disc(o.Member.Geometry, o.Radius, metresPerPixel)).ToList();
                var ring = discs.Count == 1 ? discs[0] : CascadedPolygonUnion.Union(discs);
                var holes = band.Where(x => x.Band.Inner > 0).Select(x => (Geometry)Circles.Disc(x.Member.Geometry, x.Band.Inner * x.Member.TotalHeightM!.Value, metresPerPixel)).ToList();
                if (holes.Count > 0)
                    ring = ring.Difference(holes.Count == 1 ? holes[0] : CascadedPolygonUnion.Union(holes));
                if (ring.IsEmpty)
                    continue;
                var first = band.First().Band;
                list.Add(new("scheme-zones", ring, TileAttributes.Of(("project", project.Key), ("plant", members.Count == 1 ? members[0].Id : null), ("plants", members.Count),
                    ("ring", band.Key), ("label", first.Label), ("radius_m", Math.Round(outer.Max(o => o.Radius), 1)))));
            }
        }
        return list;
    }

    private static Envelope Around(Plant p, double r) => new(p.Geometry.Coordinate.X - r, p.Geometry.Coordinate.X + r, p.Geometry.Coordinate.Y - r, p.Geometry.Coordinate.Y + r);
}
