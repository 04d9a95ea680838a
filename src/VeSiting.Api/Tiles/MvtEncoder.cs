using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace VeSiting.Api.Tiles;

/// <summary>Mapbox Vector Tile encoding of already clipped lon/lat features (NetTopologySuite's writer does not clip).</summary>
public static class MvtEncoder
{
    public const uint Extent = 4096;

    public static byte[] Encode(TileAddress tile, IReadOnlyList<(string VectorLayer, IFeature Feature)> features)
    {
        var vectorTile = new VectorTile { TileId = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z).Id };
        foreach (var group in features.GroupBy(f => f.VectorLayer))
        {
            var layer = new Layer { Name = group.Key };
            foreach (var (_, feature) in group)
                layer.Features.Add(feature);
            vectorTile.Layers.Add(layer);
        }
        using var stream = new MemoryStream();
        vectorTile.Write(stream, 1, 1, Extent, "id");
        return stream.ToArray();
    }
}
