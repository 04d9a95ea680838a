using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using VeSiting.Core.Spatial;
using VeSiting.Core.Suitability.Raster;

namespace VeSiting.Api.Tiles;

/// <summary>
/// The cells of a siting raster that meet a box, as squares with their score class: read straight from the raster's
/// arrays. Where the box holds more cells than a tile may carry, cells are taken in square blocks and each block shows
/// its best ranked cell (or "excluded" when it has none), so a country-wide 100 m raster still draws at zoom 5.
/// </summary>
public static class SuitabilityCells
{
    /// <summary>The cells meeting <paramref name="box"/>; blocks are at least <paramref name="minBlockM"/> wide (e.g. two pixels of the tile), as finer squares would not show.</summary>
    public static List<(Geometry Utm32, AttributesTable Attributes)> In(SuitabilityRaster raster, Envelope box, int maxFeatures, double minBlockM = 0)
    {
        var grid = raster.Grid;
        var first = grid.CellAt(Math.Max(box.MinX, grid.West), Math.Min(box.MaxY, grid.North - 1e-6));
        var last = grid.CellAt(Math.Min(box.MaxX, grid.West + grid.Columns * grid.CellSize - 1e-6), Math.Max(box.MinY, grid.South));
        var cells = new List<(Geometry, AttributesTable)>();
        if (box.MaxX < grid.West || box.MinY > grid.North || first is not var (c0, r0) || last is not var (c1, r1))
            return cells;
        var count = (double)(c1 - c0 + 1) * (r1 - r0 + 1);
        var step = Math.Max(Math.Max(1, (int)Math.Ceiling(minBlockM / grid.CellSize)), (int)Math.Ceiling(Math.Sqrt(count / Math.Max(1, maxFeatures))));
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        for (var r = r0 - (r0 % step); r <= r1; r += step)
        {
            for (var c = c0 - (c0 % step); c <= c1; c += step)
            {
                var (best, cell) = (double.NaN, -1L);
                for (var rr = r; rr < Math.Min(r + step, grid.Rows); rr++)
                {
                    for (var cc = c; cc < Math.Min(c + step, grid.Columns); cc++)
                    {
                        var i = (long)rr * grid.Columns + cc;
                        if (raster.Status[i] == (byte)CellStatus.Ranked && !(raster.Score[i] <= best))
                            (best, cell) = (raster.Score[i], i);
                        else if (raster.Status[i] is not ((byte)CellStatus.Outside or (byte)CellStatus.Ranked) && cell < 0)
                            cell = i;
                    }
                }
                if (cell < 0)
                    continue;
                var west = grid.West + c * grid.CellSize;
                var north = grid.North - r * grid.CellSize;
                var size = step * grid.CellSize;
                var square = factory.ToGeometry(new Envelope(west, Math.Min(west + size, grid.West + grid.Columns * grid.CellSize), Math.Max(north - size, grid.South), north));
                var attributes = new AttributesTable { { "id", grid.CellId((int)(cell % grid.Columns), (int)(cell / grid.Columns)) } };
                if (double.IsNaN(best))
                {
                    attributes.Add("class", "excluded");
                    attributes.Add("excluded_because", raster.Reason(cell) ?? "excluded");
                }
                else
                {
                    attributes.Add("class", $"{Math.Min(80, (int)(best / 20) * 20)}");
                    attributes.Add("score", Math.Round(best, 2));
                }
                if (step > 1)
                    attributes.Add("cells", step * step);
                cells.Add((square, attributes));
            }
        }
        return cells;
    }
}
