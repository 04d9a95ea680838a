using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Mapbox Vector Tile encoding of features of any geometry: reprojected to longitude/latitude, clipped to the tile and
/// its buffer (NetTopologySuite's writer does not clip) and written by NetTopologySuite.IO.VectorTiles.
/// </summary>
public static class MvtEncoder
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
            return lonLat; // wholly inside: nothing to clip
        // Reprojected unions and differences can come out very slightly invalid; overlay needs valid input.
        if (!lonLat.IsValid)
            lonLat = GeometryFixer.Fix(lonLat);
        return lonLat.Intersection(clip);
    }
}
