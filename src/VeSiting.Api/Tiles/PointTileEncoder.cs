using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Vector tiles of point layers (plants, dwellings) straight from EPSG:25832: each point projected to tile units
/// by <see cref="MercatorTile"/> and written by <see cref="MvtPointLayer"/>, without the lon/lat features, clip
/// geometries and general encoder that polygon layers need. Points outside the tile and its 8 px margin are dropped.
/// </summary>
public static class PointTileEncoder
{
    /// <summary>Layers whose features are all points.</summary>
    public static bool Handles(string layer) => layer is "plants" or "dwellings";

    public static byte[] Encode(TileAddress tile, string layerName, IEnumerable<(Geometry Utm32, IAttributesTable Attributes)> features, int maxFeatures)
    {
        var mercator = new MercatorTile(tile.Z, tile.X, tile.Y, (int)MvtEncoder.Extent, (int)(MvtEncoder.Extent * TileFeatureSource.MarginPixels / 256));
        var layer = new MvtPointLayer(layerName, mercator.Extent);
        foreach (var (geometry, attributes) in features)
        {
            // Plants and addresses are points; anything else is placed at a point inside it.
            var point = geometry as Point ?? geometry.InteriorPoint;
            if (point.IsEmpty || !mercator.TryPosition(point.X, point.Y, out var px, out var py))
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
