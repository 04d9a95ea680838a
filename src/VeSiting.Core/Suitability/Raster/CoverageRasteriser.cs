using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// The share of each cell's area that polygons cover (area coverage, exact for straight edges; not the centre).
/// Each edge adds the signed area it sweeps to an accumulation row per cell row, and a running sum along the row gives
/// every cell's covered share: the accumulation rasteriser of font renderers (R. Levien, font-rs). Shells and holes
/// count with opposite signs, so holes and multipolygons come out right. Polygons are taken not to overlap (field
/// blocks do not); where they do, the overlap counts twice and a cell's share is capped at 1.
/// </summary>
public static class CoverageRasteriser
{
    public static float[] Shares(RasterGrid grid, IReadOnlyList<Geometry> geometries, CancellationToken cancellationToken = default)
    {
        var stride = grid.Columns + 2; // an edge on the east border writes one and two places past the last column
        var accumulated = new double[(long)stride * grid.Rows];
        foreach (var geometry in geometries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var p = 0; p < geometry.NumGeometries; p++)
            {
                if (geometry.GetGeometryN(p) is not Polygon polygon || polygon.IsEmpty)
                    continue;
                AddRing(grid, polygon.ExteriorRing.CoordinateSequence, true, accumulated, stride);
                foreach (var hole in polygon.InteriorRings)
                    AddRing(grid, hole.CoordinateSequence, false, accumulated, stride);
            }
        }
        var shares = new float[grid.Count];
        Parallel.For(0, grid.Rows, grid.Parallelism(cancellationToken), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var from = (long)r * stride;
            var to = (long)r * grid.Columns;
            var running = 0.0;
            for (var c = 0; c < grid.Columns; c++)
            {
                running += accumulated[from + c];
                var share = Math.Min(1, Math.Abs(running));
                // Adding and taking off leaves rounding dust where nothing covers: that is zero.
                shares[to + c] = (float)(share < 1e-9 ? 0 : share);
            }
        });
        return shares;
    }

    /// <summary>A ring's edges in cell units (x east from the west edge, y south from the north edge); shells counter-clockwise positive, holes negative.</summary>
    private static void AddRing(RasterGrid grid, CoordinateSequence ring, bool shell, double[] accumulated, int stride)
    {
        var sign = Orientation.IsCCW(ring) == shell ? 1.0 : -1.0;
        double X(int i) => (ring.GetX(i) - grid.West) / grid.CellSize;
        double Y(int i) => (grid.North - ring.GetY(i)) / grid.CellSize;
        for (var i = 0; i + 1 < ring.Count; i++)
            AddClipped(X(i), Y(i), X(i + 1), Y(i + 1), sign, grid.Columns, grid.Rows, accumulated, stride);
    }

    /// <summary>
    /// An edge cut where it crosses the grid's west and east borders, each piece then pressed onto the grid sideways:
    /// a piece west of the grid becomes a vertical edge on its west border (covering everything east of it in those rows),
    /// one east of it a vertical edge on the east border (covering nothing), so every cell keeps its coverage.
    /// </summary>
    private static void AddClipped(double ax, double ay, double bx, double by, double sign, int columns, int rows, double[] accumulated, int stride)
    {
        Span<double> cuts = stackalloc double[4];
        var n = 0;
        cuts[n++] = 0;
        foreach (var border in (ReadOnlySpan<double>)[0, columns])
        {
            if ((ax - border) * (bx - border) < 0)
                cuts[n++] = (border - ax) / (bx - ax);
        }
        cuts[n++] = 1;
        cuts[..n].Sort();
        for (var k = 0; k + 1 < n; k++)
        {
            double t0 = cuts[k], t1 = cuts[k + 1];
            AddEdge(Math.Clamp(ax + t0 * (bx - ax), 0, columns), ay + t0 * (by - ay), Math.Clamp(ax + t1 * (bx - ax), 0, columns), ay + t1 * (by - ay),
                sign, rows, accumulated, stride);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddEdge(double ax, double ay, double bx, double by, double sign, int rows, double[] accumulated, int stride)
    {
        if (ay == by)
            return;
        var direction = sign;
        if (ay > by)
        {
            (ax, ay, bx, by) = (bx, by, ax, ay);
            direction = -sign;
        }
        if (by <= 0 || ay >= rows)
            return;
        var dxdy = (bx - ax) / (by - ay);
        var x = ay < 0 ? ax - ay * dxdy : ax;
        var firstRow = Math.Max(0, (int)Math.Floor(ay));
        var lastRow = Math.Min(rows, (int)Math.Ceiling(by)) - 1;
        for (var row = firstRow; row <= lastRow; row++)
        {
            var line = (long)row * stride;
            var dy = Math.Min(row + 1, by) - Math.Max(row, ay);
            var xNext = x + dxdy * dy;
            var d = dy * direction;
            var (x0, x1) = x < xNext ? (x, xNext) : (xNext, x);
            var x0Floor = Math.Floor(x0);
            var x0i = (int)x0Floor;
            var x1Ceil = Math.Ceiling(x1);
            var x1i = (int)x1Ceil;
            if (x1i <= x0i + 1)
            {
                // Within one column: the part right of the edge's mean x stays in this cell, the rest moves on.
                var xmf = 0.5 * (x + xNext) - x0Floor;
                accumulated[line + x0i] += d - d * xmf;
                accumulated[line + x0i + 1] += d * xmf;
            }
            else
            {
                // Across columns: a triangle in the first, trapezoids between, a triangle in the last.
                var s = 1 / (x1 - x0);
                var x0f = x0 - x0Floor;
                var a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
                var x1f = x1 - x1Ceil + 1;
                var am = 0.5 * s * x1f * x1f;
                accumulated[line + x0i] += d * a0;
                if (x1i == x0i + 2)
                    accumulated[line + x0i + 1] += d * (1 - a0 - am);
                else
                {
                    var a1 = s * (1.5 - x0f);
                    accumulated[line + x0i + 1] += d * (a1 - a0);
                    for (var xi = x0i + 2; xi < x1i - 1; xi++)
                        accumulated[line + xi] += d * s;
                    var a2 = a1 + (x1i - x0i - 3) * s;
                    accumulated[line + x1i - 1] += d * (1 - a2 - am);
                }
                accumulated[line + x1i] += d * am;
            }
            x = xNext;
        }
    }
}
