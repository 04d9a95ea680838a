using System.Runtime.CompilerServices;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// Burns polygons into a grid by their cells' centres (a scanline fill, even-odd over each geometry's rings, so holes
/// and multipolygons come out right): the cell gets the index of the first geometry covering its centre, else −1.
/// </summary>
public static class PolygonRasteriser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Burn(RasterGrid grid, IReadOnlyList<Geometry> geometries, CancellationToken cancellationToken = default)
    {
        var cells = new int[grid.Count];
        Array.Fill(cells, -1);
        var crossings = new List<(int Row, double X)>();
        for (var g = 0; g < geometries.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            crossings.Clear();
            for (var p = 0; p < geometries[g].NumGeometries; p++)
            {
                if (geometries[g].GetGeometryN(p) is not Polygon polygon)
                    continue;
                AddCrossings(grid, polygon.ExteriorRing.CoordinateSequence, crossings);
                foreach (var hole in polygon.InteriorRings)
                    AddCrossings(grid, hole.CoordinateSequence, crossings);
            }
            crossings.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.X.CompareTo(b.X));
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                var (row, from) = crossings[i];
                var to = crossings[i + 1].X;
                // Columns whose centres West + (c + 0.5)·cell lie within [from, to].
                var first = Math.Max(0, (int)Math.Ceiling((from - grid.West) / grid.CellSize - 0.5));
                var last = Math.Min(grid.Columns - 1, (int)Math.Floor((to - grid.West) / grid.CellSize - 0.5));
                var offset = (long)row * grid.Columns;
                for (var c = first; c <= last; c++)
                {
                    if (cells[offset + c] < 0)
                        cells[offset + c] = g;
                }
            }
        }
        return cells;
    }

    /// <summary>Where each edge crosses the rows' centre lines (half-open in y, so a vertex on a centre line counts once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddCrossings(RasterGrid grid, CoordinateSequence ring, List<(int Row, double X)> crossings)
    {
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            double x1 = ring.GetX(i), y1 = ring.GetY(i), x2 = ring.GetX(i + 1), y2 = ring.GetY(i + 1);
            if (y1 == y2)
                continue;
            var (lowY, highY) = y1 < y2 ? (y1, y2) : (y2, y1);
            // Rows whose centre y = North − (r + 0.5)·cell lies in [lowY, highY).
            var firstRow = Math.Max(0, (int)Math.Floor((grid.North - highY) / grid.CellSize - 0.5) + 1);
            var lastRow = Math.Min(grid.Rows - 1, (int)Math.Floor((grid.North - lowY) / grid.CellSize - 0.5));
            for (var r = firstRow; r <= lastRow; r++)
            {
                var y = grid.CentreY(r);
                if (y < lowY || y >= highY)
                    continue;
                crossings.Add((r, x1 + (y - y1) * (x2 - x1) / (y2 - y1)));
            }
        }
    }
}
