using System.Runtime.InteropServices;
using SkiaSharp;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// The suitability PNG tile sampled from the raster per output pixel: the EPSG:25832 position of each pixel centre
/// (interpolated bilinearly between exact transforms every 16 px, far below a pixel off at any zoom), the cell under
/// it, and that cell's legend colour (transparent outside the area). Where several cells fit in a pixel, the pixel
/// samples the largest block of cells no wider than itself (<see cref="SuitabilityBlocks"/>), shown as the vector
/// tiles show blocks: by its best ranked cell, else as excluded. No features and no drawing.
/// </summary>
public static class SuitabilityPng
{
    private const int Size = PngRenderer.Size;
    private const int Lattice = 16;
    private const byte Alpha = 160;

    public static byte[] Render(SuitabilityRaster raster, MercatorTile tile, TileLayer layer)
    {
        var grid = raster.Grid;
        var pixels = new MercatorTile(tile.Z, tile.X, tile.Y, Size, 0);
        var nodes = Size / Lattice + 1;
        var east = new double[nodes, nodes];
        var north = new double[nodes, nodes];
        for (var j = 0; j < nodes; j++)
        {
            for (var i = 0; i < nodes; i++)
                (east[j, i], north[j, i]) = CoordinateTransformer.Instance.ToUtm32(pixels.Lon(i * Lattice), pixels.Lat(j * Lattice));
        }
        var colours = Colours(layer);
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var target = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
        var (status, score) = (raster.Status, raster.Score);
        var level = 0;
        while (grid.CellSize * (1 << (level + 1)) <= tile.MetresPerPixel)
            level++;
        var (blockBest, blockCell, blockColumns) = level > 0 ? SuitabilityBlocks.Level(raster, level) : ([], [], 0);
        for (var y = 0; y < Size; y++)
        {
            var (j, v) = (y / Lattice, (y % Lattice + 0.5) / Lattice);
            for (var x = 0; x < Size; x++)
            {
                var (i, u) = (x / Lattice, (x % Lattice + 0.5) / Lattice);
                var e = Bilinear(east, i, j, u, v);
                var n = Bilinear(north, i, j, u, v);
                var column = (int)Math.Floor((e - grid.West) / grid.CellSize);
                var row = (int)Math.Floor((grid.North - n) / grid.CellSize);
                if (column < 0 || column >= grid.Columns || row < 0 || row >= grid.Rows)
                    continue;
                if (level > 0)
                {
                    var block = (long)(row >> level) * blockColumns + (column >> level);
                    target[y * Size + x] = blockCell[block] < 0 ? 0 : double.IsNaN(blockBest[block]) ? colours[5] : colours[SuitabilityBlocks.ClassOf(blockBest[block]) / 20];
                    continue;
                }
                var cell = (long)row * grid.Columns + column;
                target[y * Size + x] = status[cell] switch
                {
                    (byte)CellStatus.Outside => 0,
                    (byte)CellStatus.Ranked => colours[SuitabilityBlocks.ClassOf(score[cell]) / 20],
                    _ => colours[5],
                };
            }
        }
        using var pixmap = bitmap.PeekPixels();
        using var png = pixmap.Encode(PngRenderer.PngOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode the tile as PNG");
        return png.ToArray();
    }

    private static double Bilinear(double[,] values, int i, int j, double u, double v) =>
        (values[j, i] * (1 - u) + values[j, i + 1] * u) * (1 - v) + (values[j + 1, i] * (1 - u) + values[j + 1, i + 1] * u) * v;

    /// <summary>Premultiplied RGBA of the classes 0, 20, 40, 60, 80 and excluded, from the legend.</summary>
    private static uint[] Colours(TileLayer layer)
    {
        var colours = new uint[6];
        string[] classes = ["0", "20", "40", "60", "80", "excluded"];
        for (var k = 0; k < classes.Length; k++)
        {
            var c = SKColor.Parse(layer.Legend.First(l => l.Value == classes[k]).Color);
            uint Premultiplied(byte channel) => (uint)(channel * Alpha / 255);
            colours[k] = Premultiplied(c.Red) | Premultiplied(c.Green) << 8 | Premultiplied(c.Blue) << 16 | (uint)Alpha << 24;
        }
        return colours;
    }
}
