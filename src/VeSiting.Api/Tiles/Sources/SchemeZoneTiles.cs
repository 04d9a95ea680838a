using NetTopologySuite.Geometries;
using VeSiting.Api.Hosting;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>Scheme rings around covered plants, each plant's from the rules of its own permit period (a published rule set moves them).</summary>
public sealed class SchemeZoneTiles(ServiceData data) : ITileSource
{
    // Labels and the description come from the rules in force (Describe); only colours are set here.
    public TileLayer Layer { get; } = new("scheme-zones", "Scheme rings", "Scheme rings around covered plants, from the rules in force for each plant's permit period.", 9, 20, TileLayer.Polygons, ["scenario"], "ring",
        ["scheme-zones"],
        [new(Schemes.MinimumDistance, "#d62728", "minimum distance"), new(Schemes.SalesOption, "#ff7f0e", "sales option"), new(Schemes.VeBonus, "#2ca02c", "VE-bonus"),
         new("solar", "#f2a900", "around covered solar")]);

    /// <summary>The rings described and labelled by the rules in force today.</summary>
    public TileLayer Describe(ServiceData data)
    {
        var current = data.SchemeDistances.Current;
        var bands = current.WindBands.Concat(current.SolarBands).ToList();
        var legend = Layer.Legend.Select(entry => bands.FirstOrDefault(b => b.Id == entry.Value) is { } band
            ? entry with { Label = band.MultipleOfH ? band.Label : $"{band.Label} (solar)" }
            : entry with { Label = $"{entry.Label}: none for permits today" }).ToList();
        var description = $"Around covered plants, for permits dated {current.PermitDate:yyyy-MM-dd}: {string.Join("; ", legend.Select(l => l.Label))}. "
            + "Each plant's rings follow the rules of its own permit period (older turbines may have no sales-option or VE-bonus ring).";
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
        foreach (var hit in await data.Store.PlantsWithinAsync(area, book.SearchRadiusM, AssessmentContext.Candidates, cancellationToken))
        {
            var p = hit.Plant;
            if (p.Kind is not (PlantKind.WindTurbine or PlantKind.SolarPark) || !book.IsCovered(p))
                continue;
            var distances = book.For(p);
            if (p.Kind == PlantKind.WindTurbine && p.TotalHeightM is { } h)
            {
                var centre = p.Geometry.Coordinate;
                foreach (var band in distances.WindBands.Reverse())
                {
                    var outer = band.Outer * h;
                    if (!box.Intersects(new Envelope(centre.X - outer, centre.X + outer, centre.Y - outer, centre.Y + outer)))
                        continue;
                    var ring = band.Inner <= 0 ? Circles.Disc(p.Geometry, outer, metresPerPixel) : Circles.Annulus(p.Geometry, outer, band.Inner * h, metresPerPixel);
                    list.Add(new("scheme-zones", ring, TileAttributes.Of(("plant", p.Id), ("ring", band.Id), ("label", band.Label), ("radius_m", Math.Round(outer, 1)))));
                }
            }
            else if (p.Kind == PlantKind.SolarPark)
            {
                foreach (var band in distances.SolarBands.Reverse())
                {
                    var zone = p.Geometry is Point ? Circles.Disc(p.Geometry, band.Outer, metresPerPixel) : p.Geometry.Buffer(band.Outer, 24);
                    list.Add(new("scheme-zones", zone, TileAttributes.Of(("plant", p.Id), ("ring", band.Id), ("label", band.Label), ("radius_m", band.Outer))));
                }
            }
        }
        return list;
    }
}
