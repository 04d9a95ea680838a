using NetTopologySuite.Simplify;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>Municipality and region boundaries (DAGI): the offline base map, simplified to a pixel.</summary>
public sealed class BoundaryTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("boundaries", "Municipalities and regions", "DAGI boundaries: the offline base map.", 0, 16, TileLayer.Polygons, ["scenario"], "kind",
        [VectorLayerSchema.Of("regions", Fields), VectorLayerSchema.Of("municipalities", Fields)],
        [new("region", "#5b6770", "Region"), new("municipality", "#9aa5ad", "Municipality")])
    {
        // Outlines only, regions heavier than municipalities.
        Style = new TileStyle(FillAreas: false, StrokeWidths: new Dictionary<string, double> { ["regions"] = 2 }),
    };

    private static readonly (string, TileFieldType)[] Fields = [("code", TileFieldType.String), ("name", TileFieldType.String), ("kind", TileFieldType.String)];

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var area = request.Utm32Area;
        var list = new List<TileFeature>();
        var tolerance = request.Tile.MetresPerPixel;
        var box = area.Factory.ToGeometry(area.EnvelopeInternal);
        foreach (var (kind, vectorLayer) in new[] { (AdminAreaKind.Region, "regions"), (AdminAreaKind.Municipality, "municipalities") })
        {
            foreach (var a in await data.Store.AreasMeetingAsync(kind, area.EnvelopeInternal, cancellationToken))
            {
                // Clip to the tile first (OverlayNG clips by envelope, so only the edges near the tile are worked on),
                // then simplify the small piece: simplifying a whole region for every tile cost tens of milliseconds.
                var simplified = TopologyPreservingSimplifier.Simplify(a.Geometry.Intersection(box), tolerance);
                if (!simplified.IsEmpty)
                    list.Add(new(vectorLayer, simplified, TileAttributes.Of(("code", a.Code), ("name", a.Name), ("kind", kind == AdminAreaKind.Region ? "region" : "municipality"))));
            }
        }
        return list;
    }
}
