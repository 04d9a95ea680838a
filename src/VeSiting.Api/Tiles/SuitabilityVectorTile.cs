using VeSiting.Core.Suitability.Raster;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// The suitability vector tile written straight from the raster: each block of cells (<see cref="SuitabilityBlocks"/>)
/// as one polygon in tile units, its corners projected exactly from EPSG:25832 once each (neighbouring blocks share
/// them) and clipped to the tile's buffer, with its class, score or reason, and cell id. No geometry objects, no
/// reprojection to longitude/latitude, no general clipping.
/// </summary>
public static class SuitabilityVectorTile
{
    public const string VectorLayer = "suitability";

    public static byte[] Encode(SuitabilityRaster raster, MercatorTile tile, int maxFeatures)
    {
        var grid = raster.Grid;
        var (minE, minN, maxE, maxN) = tile.Utm32Box();
        var blocks = SuitabilityBlocks.In(raster, minE, minN, maxE, maxN, maxFeatures, 2 * tile.MetresPerPixel);
        var layer = new MvtLayer(VectorLayer, tile.Extent);
        if (blocks.Count == 0)
            return layer.ToTile();
        var step = blocks[0].Step;
        var (columnStart, rowStart) = (blocks.Min(b => b.Column), blocks[0].Row);
        var columns = (blocks.Max(b => b.Column) - columnStart) / step + 2;
        var (gridEast, gridSouth) = (grid.West + grid.Columns * grid.CellSize, grid.South);
        // Tile positions of the block corners along the top and the bottom edge of the current row of blocks.
        var top = new (double X, double Y)[columns];
        var bottom = new (double X, double Y)[columns];
        var edgeRow = int.MinValue;
        var reasons = new Dictionary<byte, string>();
        Span<(double X, double Y)> quad = stackalloc (double, double)[4];
        Span<(double X, double Y)> clipped = stackalloc (double, double)[8];
        Span<(double X, double Y)> scratch = stackalloc (double, double)[8];
        Span<(int X, int Y)> ring = stackalloc (int, int)[8];
        foreach (var block in blocks)
        {
            if (block.Row != edgeRow)
            {
                edgeRow = block.Row;
                var north = grid.North - block.Row * grid.CellSize;
                var south = Math.Max(north - step * grid.CellSize, gridSouth);
                for (var k = 0; k < columns; k++)
                {
                    var e = Math.Min(grid.West + (columnStart + k * step) * grid.CellSize, gridEast);
                    top[k] = tile.Position(e, north);
                    bottom[k] = tile.Position(e, south);
                }
            }
            var left = (block.Column - columnStart) / step;
            // North-west, north-east, south-east, south-west: clockwise on screen (y down), an exterior ring in MVT.
            quad[0] = top[left];
            quad[1] = top[left + 1];
            quad[2] = bottom[left + 1];
            quad[3] = bottom[left];
            var n = TileClip.Polygon(quad, clipped, scratch, -tile.Buffer, tile.Extent + tile.Buffer);
            var points = TileClip.Round(clipped[..n], ring);
            if (points < 3)
                continue;
            layer.AddPolygon(ring[..points]);
            layer.Attribute("id", grid.CellId((int)(block.Cell % grid.Columns), (int)(block.Cell / grid.Columns)));
            if (block.Excluded)
            {
                layer.Attribute("class", "excluded");
                var status = raster.Status[block.Cell];
                if (!reasons.TryGetValue(status, out var why))
                    reasons[status] = why = raster.Reason(block.Cell) ?? "excluded";
                layer.Attribute("excluded_because", why);
            }
            else
            {
                layer.Attribute("class", $"{SuitabilityBlocks.ClassOf(block.Best)}");
                layer.Attribute("score", Math.Round(block.Best, 2));
            }
            if (step > 1)
                layer.Attribute("cells", step * step);
        }
        return layer.ToTile();
    }
}
