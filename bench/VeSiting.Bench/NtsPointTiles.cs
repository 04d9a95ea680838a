using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Bench;

/// <summary>
/// The service's previous path for point tiles, for comparison: every point as a NetTopologySuite feature,
/// transformed to lon/lat, kept if the grown lon/lat tile rectangle covers it, and encoded by
/// NetTopologySuite.IO.VectorTiles (as the service did before the point-layer writer).
/// </summary>
public static class NtsPointTiles
{
    public static byte[] Encode(PointGrid grid, MercatorTile tile, string layerName)
    {
        var (minE, minN, maxE, maxN) = tile.Utm32Box();
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var clip = tile.LonLatClip();
        var layer = new Layer { Name = layerName };
        grid.InBox(minE, minN, maxE, maxN, ref layer, (_, e, n, ref l) =>
        {
            var lonLat = GeometryTransforms.Transform(factory.CreatePoint(new Coordinate(e, n)), Epsg.Utm32, Epsg.Wgs84);
            if (clip.Covers(lonLat))
                l.Features.Add(new Feature(lonLat, new AttributesTable()));
        });
        var vectorTile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        vectorTile.Layers.Add(layer);
        using var stream = new MemoryStream();
        vectorTile.Write(stream, 1, 1, (uint)tile.Extent, "id");
        return stream.ToArray();
    }
}
