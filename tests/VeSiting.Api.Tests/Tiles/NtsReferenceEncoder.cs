using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tiles;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>
/// The service's former general encoder, kept as a reference in tests only: features reprojected to longitude/latitude
/// by ProjNet, clipped there, and written by NetTopologySuite.IO.VectorTiles (the established writer, which truncates to
/// whole units). The one writer must decode to the same features.
/// </summary>
internal static class NtsReferenceEncoder
{
    public static byte[] Encode(MercatorTile tile, IEnumerable<TileFeature> features, int maxFeatures)
    {
        var clip = tile.LonLatClip();
        var layers = new Dictionary<string, Layer>();
        var count = 0;
        foreach (var (vectorLayer, geometry, attributes) in features)
        {
            if (Clipped(GeometryTransforms.Transform(geometry, Epsg.Utm32, Epsg.Wgs84), clip) is not { IsEmpty: false } clipped)
                continue;
            if (!layers.TryGetValue(vectorLayer, out var layer))
                layers[vectorLayer] = layer = new Layer { Name = vectorLayer };
            layer.Features.Add(new Feature(clipped, attributes));
            if (++count >= maxFeatures)
                break;
        }
        var vectorTile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        foreach (var layer in layers.Values)
            vectorTile.Layers.Add(layer);
        using var stream = new MemoryStream();
        vectorTile.Write(stream, 1, 1, (uint)tile.Extent, "id");
        return stream.ToArray();
    }

    private static Geometry? Clipped(Geometry lonLat, Geometry clip)
    {
        if (lonLat is Point p)
            return clip.Covers(p) ? p : null;
        if (clip.EnvelopeInternal.Contains(lonLat.EnvelopeInternal))
            return OfDimension(lonLat, lonLat.Dimension); // wholly inside: nothing to clip
        // Reprojected unions and differences can come out very slightly invalid; overlay needs valid input.
        if (!lonLat.IsValid)
            lonLat = GeometryFixer.Fix(lonLat);
        return OfDimension(lonLat.Intersection(clip), lonLat.Dimension);
    }

    /// <summary>
    /// The parts of a clipped geometry of the source's own dimension. Where a polygon runs along the clip's edge the
    /// intersection also holds lines or points: a geometry collection, which the writer cannot encode and dropped
    /// whole (tile-shaped holes in the tariff zones). A polygon keeps its areas, a line its lines.
    /// </summary>
    private static Geometry OfDimension(Geometry clipped, Dimension dimension)
    {
        if (clipped is not GeometryCollection { OgcGeometryType: OgcGeometryType.GeometryCollection } collection)
            return clipped;
        var parts = Enumerable.Range(0, collection.NumGeometries).Select(collection.GetGeometryN)
            .SelectMany(g => g is GeometryCollection inner ? Enumerable.Range(0, inner.NumGeometries).Select(inner.GetGeometryN) : [g])
            .Where(g => g.Dimension == dimension && !g.IsEmpty).ToList();
        var factory = clipped.Factory;
        return dimension switch
        {
            Dimension.Surface => factory.CreateMultiPolygon(parts.Cast<Polygon>().ToArray()),
            Dimension.Curve => factory.CreateMultiLineString(parts.Cast<LineString>().ToArray()),
            _ => factory.BuildGeometry(parts),
        };
    }
}
