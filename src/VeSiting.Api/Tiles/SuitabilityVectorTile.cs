using VeSiting.Core.Suitability.Raster;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// The suitability vector tile written straight from the raster: each block of cells (<see cref="SuitabilityBlocks"/>)
/// as one polygon in tile units, its corners projected from EPSG:25832 once each (neighbouring blocks share
/// them, by <see cref="TilePositions"/>) and clipped to the tile's buffer, with its class, score or reason, and cell id. No geometry objects, no
/// reprojection to longitude/latitude, no general clipping.
/// </summary>
public static class SuitabilityVectorTile
{
    public const string VectorLayer = "suitability";
    private static readonly string[] Classes = ["0", "20", "40", "60", "80"];

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
        var blocksNorth = grid.North - rowStart * grid.CellSize;
        var positions = new TilePositions(tile, grid.West + columnStart * grid.CellSize, Math.Max(grid.North - (blocks[^1].Row + step) * grid.CellSize, gridSouth),
            Math.Min(grid.West + (columnStart + (columns - 1) * step) * grid.CellSize, gridEast), blocksNorth);
        // Tile positions of the block corners along the top and the bottom edge of the current row of blocks.
        var top = new (double X, double Y)[columns];
        var bottom = new (double X, double Y)[columns];
        var edgeRow = int.MinValue;
        var reasons = new Dictionary<byte, string>();
        // The halves of the cell ids ("easting_northing" of the cell's south-west corner, as RasterGrid.CellId), made once per column and row.
        var eastings = new string?[columns * step];
        var northings = new string?[blocks[^1].Row - rowStart + step];
        Span<(double X, double Y)> quad = stackalloc (double, double)[4];
        Span<(double X, double Y)> clipped = stackalloc (double, double)[8];
        Span<(double X, double Y)> scratch = stackalloc (double, double)[8];
        Span<(int X, int Y)> ring = stackalloc (int, int)[8];
        foreach (var block in blocks)
        {
            if (block.Row != edgeRow)
            {
                var north = grid.North - block.Row * grid.CellSize;
                var south = Math.Max(north - step * grid.CellSize, gridSouth);
                var below = block.Row == edgeRow + step;
                (top, bottom) = (bottom, top);
                for (var k = 0; k < columns; k++)
                {
                    var e = Math.Min(grid.West + (columnStart + k * step) * grid.CellSize, gridEast);
                    if (!below)
                        top[k] = positions.Position(e, north);
                    bottom[k] = positions.Position(e, south);
                }
                edgeRow = block.Row;
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
            var (column, row) = ((int)(block.Cell % grid.Columns), (int)(block.Cell / grid.Columns));
            var easting = eastings[column - columnStart] ??= (grid.West + column * grid.CellSize).ToString("0", CultureInfo.InvariantCulture);
            var northing = northings[row - rowStart] ??= (grid.North - (row + 1) * grid.CellSize).ToString("0", CultureInfo.InvariantCulture);
            layer.UniqueAttribute("id", string.Concat(easting, "_", northing));
            if (block.Excluded)
            {
                layer.Attribute("class", "excluded");
                var status = raster.Status[block.Cell];
                if (!reasons.TryGetValue(status, out var why))
                    reasons[status] = why = raster.Reason(block.Cell)?.Text ?? "excluded";
                layer.Attribute("excluded_because", why);
            }
            else
            {
                layer.Attribute("class", Classes[SuitabilityBlocks.ClassOf(block.Best) / 20]);
                layer.Attribute("score", Math.Round(block.Best, 2));
            }
            if (step > 1)
                layer.Attribute("cells", step * step);
        }
        return layer.ToTile();
    }
}
