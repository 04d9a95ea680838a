using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>The general MVT encoder keeps every polygon that reaches into the tile, whatever clipping leaves beside it.</summary>
public sealed class MvtEncoderTests
{
    [Fact]
    public void A_polygon_that_also_touches_the_clip_edge_from_outside_is_kept()
    {
        // Two squares in lon/lat around the z12 tile 2147/1254: one overlapping the tile's west edge, one wholly west of
        // the tile's buffered clip rectangle but sharing an edge with it. Clipping the multipolygon leaves the first
        // square's inner part (a polygon) and a line where the second touches the clip edge: a geometry collection,
        // which the vector-tile writer cannot write, and the feature was dropped (the tariff zones' tile-shaped holes).
        var tile = new MercatorTile(12, 2147, 1254);
        var clip = tile.LonLatClip().EnvelopeInternal;
        var (west, south, north) = (clip.MinX, clip.MinY, clip.MaxY);
        var lonLat = GeometryTransforms.FactoryFor(Epsg.Wgs84);
        var width = clip.Width;
        var inside = Square(lonLat, west - width * 0.1, south + (north - south) * 0.2, west + width * 0.3, south + (north - south) * 0.4);
        var touching = Square(lonLat, west - width * 0.3, south + (north - south) * 0.6, west, south + (north - south) * 0.8);
        var both = lonLat.CreateMultiPolygon([inside, touching]);
        Assert.IsType<GeometryCollection>(both.Intersection(tile.LonLatClip())); // the case: not polygonal after clipping

        var utm = GeometryTransforms.Transform(both, Epsg.Wgs84, Epsg.Utm32);
        var zones = new TileLayer("zones", "Zones", "", 0, 20, TileLayer.Polygons, [], "zone", [VectorLayerSchema.Of("zones", ("zone", TileFieldType.String))], []);
        var bytes = MvtEncoder.Encode(tile, zones, [new TileFeature("zones", utm, new NetTopologySuite.Features.AttributesTable { { "zone", "A" } })], 100);

        var decoded = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(2147, 1254, 12));
        var feature = Assert.Single(Assert.Single(decoded.Layers).Features);
        Assert.IsAssignableFrom<IPolygonal>(feature.Geometry);
        // The part inside the clip: 0.3 of the clip's width (west edge to 0.3 W) by 0.2 of its height, in lon/lat degrees.
        var expected = width * 0.3 * (north - south) * 0.2;
        Assert.InRange(feature.Geometry.Area, expected * 0.97, expected * 1.03);
    }

    private static Polygon Square(GeometryFactory f, double w, double s, double e, double n) =>
        f.CreatePolygon([new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);
}
