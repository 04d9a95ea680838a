using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;

namespace VeSiting.Bench;

/// <summary>The points of a <see cref="PointGrid"/> inside a tile and its buffer, as a one-layer vector tile without attributes.</summary>
public static class PointGridTile
{
    public static (byte[] Bytes, int Count) Encode(PointGrid grid, MercatorTile tile, string layerName)
    {
        var (minE, minN, maxE, maxN) = tile.Utm32Box();
        var state = (Tile: tile, Layer: new MvtLayer(layerName, tile.Extent));
        grid.InBox(minE, minN, maxE, maxN, ref state, static (_, e, n, ref s) =>
        {
            if (s.Tile.TryPosition(e, n, out var px, out var py))
                s.Layer.AddPoint(px, py);
        });
        return (state.Layer.ToTile(), state.Layer.Count);
    }
}
