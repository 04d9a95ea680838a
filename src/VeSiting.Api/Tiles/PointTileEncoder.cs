using NetTopologySuite.Geometries;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Vector tiles of point layers (<see cref="TileLayer.Points"/>) straight from EPSG:25832: each point projected to tile
/// units by <see cref="MercatorTile"/> and written by <see cref="MvtLayer"/>, without the lon/lat features, clip
/// geometries and general encoder that polygon layers need. Points outside the tile and its buffer are dropped.
/// </summary>
public static class PointTileEncoder
{
    public static byte[] Encode(MercatorTile tile, string layerName, IEnumerable<TileFeature> features, int maxFeatures)
    {
        var layer = new MvtLayer(layerName, tile.Extent);
        foreach (var (_, geometry, attributes) in features)
        {
            // Plants and addresses are points; anything else is placed at a point inside it.
            var point = geometry as Point ?? geometry.InteriorPoint;
            if (point.IsEmpty || !tile.TryPosition(point.X, point.Y, out var px, out var py))
                continue;
            layer.AddPoint(px, py);
            foreach (var name in attributes.GetNames())
                layer.Attribute(name, attributes[name]);
            if (layer.Count >= maxFeatures)
                break;
        }
        return layer.ToTile();
    }
}
