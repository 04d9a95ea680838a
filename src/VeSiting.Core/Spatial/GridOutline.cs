using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries.Utilities;

namespace VeSiting.Core.Spatial;

/// <summary>
/// A square grid in EPSG:25832: cell (c, r) spans x from <see cref="MinX"/> + c·<see cref="Cell"/> and y from
/// <see cref="MinY"/> + r·<see cref="Cell"/> (rows run north), its value taken at the cell's centre.
/// </summary>
public sealed record GridFrame(double MinX, double MinY, double Cell, int Columns, int Rows)
{
    public long Cells => (long)Columns * Rows;
    public double CentreX(int column) => MinX + (column + 0.5) * Cell;
    public double CentreY(int row) => MinY + (row + 0.5) * Cell;

    /// <summary>The grid of the given cell size covering an envelope (aligned to multiples of the cell, so grids of one cell size share their lines).</summary>
    public static GridFrame Covering(Envelope box, double cell)
    {
        var minX = Math.Floor(box.MinX / cell) * cell;
        var minY = Math.Floor(box.MinY / cell) * cell;
        var columns = Math.Max(1, (int)Math.Ceiling((box.MaxX - minX) / cell));
        var rows = Math.Max(1, (int)Math.Ceiling((box.MaxY - minY) / cell));
        return new GridFrame(minX, minY, cell, columns, rows);
    }

    /// <summary>
    /// The grid covering the part of <paramref name="reach"/> inside <paramref name="focus"/>, its cells of <paramref name="cell"/>
    /// doubled until it has at most <paramref name="maxCells"/>; null when that part has no area.
    /// </summary>
    public static GridFrame? Covering(Envelope reach, Envelope focus, double cell, long maxCells)
    {
        var box = reach.Intersection(focus);
        if (box.IsNull || box.Width <= 0 || box.Height <= 0)
            return null;
        var frame = Covering(box, cell);
        while (frame.Cells > maxCells)
            frame = Covering(box, frame.Cell * 2);
        return frame;
    }
}

/// <summary>
/// The outline of the cells of a grid that are "in" as polygons along the cell edges: each in-cell side that faces an
/// out-cell (or the grid's edge) is an edge, directed so the in-cells lie on its left; the edges link into rings
/// (counter-clockwise shells, clockwise holes), straight runs merged. Where two in-cells touch only at a corner the
/// ring keeps to the cell it goes round, so they stay apart. Linear in the cells; no overlay operations.
/// </summary>
public static class GridOutline
{
    public static Geometry Polygons(GridFrame frame, Func<int, bool> isIn, GeometryFactory factory)
    {
        int cols = frame.Columns, rows = frame.Rows, stride = cols + 1;
        bool In(int c, int r) => c >= 0 && r >= 0 && c < cols && r < rows && isIn(r * cols + c);
        // Up to two edges leave a corner (two at a saddle). Edge: from-corner, to-corner.
        var from = new List<int>();
        var to = new List<int>();
        var outgoing = new Dictionary<int, (int First, int Second)>();
        var saddle = false;
        void Add(int a, int b)
        {
            var id = from.Count;
            from.Add(a);
            to.Add(b);
            if (outgoing.TryGetValue(a, out var o))
            {
                outgoing[a] = (o.First, id);
                saddle = true;
            }
            else
            {
                outgoing[a] = (id, -1);
            }
        }
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (!isIn(r * cols + c))
                    continue;
                int sw = r * stride + c, se = sw + 1, nw = sw + stride, ne = nw + 1;
                if (!In(c, r - 1)) Add(sw, se);
                if (!In(c + 1, r)) Add(se, ne);
                if (!In(c, r + 1)) Add(ne, nw);
                if (!In(c - 1, r)) Add(nw, sw);
            }
        }
        var used = new bool[from.Count];
        var shells = new List<(LinearRing Ring, double Area, List<int>? Saddles)>();
        var holes = new List<(LinearRing Ring, Coordinate Inside, List<int>? Saddles)>();
        for (var start = 0; start < from.Count; start++)
        {
            if (used[start])
                continue;
            var corners = new List<int>();
            var edge = start;
            while (!used[edge])
            {
                used[edge] = true;
                corners.Add(from[edge]);
                edge = Next(edge);
            }
            var saddles = saddle ? Saddles(corners) : null;
            var ring = Ring(corners, frame, stride, factory);
            var area = Area.OfRingSigned(ring.CoordinateSequence);
            // NTS's signed area is positive for clockwise rings.
            if (area < 0)
                shells.Add((ring, -area, saddles));
            else
                holes.Add((ring, InsideOfHole(start), saddles));
        }
        // A polygon whose rings pass a saddle twice (one ring touching itself, a hole touching its shell or another hole) may be
        // invalid: only such a polygon gets the full check (dearer than the tracing), and is fixed if need be. Any other is simple
        // rings, holes inside their shell and no point shared: valid by construction. Polygons touch one another only at corners.
        var polygons = shells.OrderBy(s => s.Area).Select(s => new Traced(s.Ring, s.Saddles)).ToList();
        foreach (var (hole, inside, saddles) in holes)
            polygons.FirstOrDefault(p => p.Shell.EnvelopeInternal.Contains(inside) && PointLocation.IsInRing(inside, p.Shell.Coordinates))?.Add(hole, saddles);
        var parts = new List<Polygon>(polygons.Count);
        foreach (var traced in polygons)
        {
            var polygon = factory.CreatePolygon(traced.Shell, [.. traced.Holes]);
            if (!traced.MayBeInvalid || polygon.IsValid)
                parts.Add(polygon);
            else
                parts.AddRange(PolygonExtracter.GetPolygons(GeometryFixer.Fix(polygon)).Cast<Polygon>());
        }
        return factory.CreateMultiPolygon([.. parts]);

        List<int> Saddles(List<int> corners) => [.. corners.Where(c => outgoing[c].Second >= 0)];

        // At a saddle, the left turn keeps to the cell the ring is going round.
        int Next(int edge)
        {
            var (first, second) = outgoing[to[edge]];
            if (second < 0 || used[second])
                return used[first] && second >= 0 ? second : first;
            if (used[first])
                return second;
            var (dx, dy) = Direction(edge);
            var (ax, ay) = Direction(first);
            return dx * ay - dy * ax > 0 ? first : second;
        }

        (int X, int Y) Direction(int edge) => (to[edge] % stride - from[edge] % stride, to[edge] / stride - from[edge] / stride);

        // The centre of the in-cell left of a hole's first edge: inside the polygon the hole belongs to.
        Coordinate InsideOfHole(int edge)
        {
            var (dx, dy) = Direction(edge);
            var x = from[edge] % stride + dx * 0.5 - dy * 0.5;
            var y = from[edge] / stride + dy * 0.5 + dx * 0.5;
            return new Coordinate(frame.MinX + x * frame.Cell, frame.MinY + y * frame.Cell);
        }
    }

    private static LinearRing Ring(List<int> corners, GridFrame frame, int stride, GeometryFactory factory)
    {
        var points = new List<Coordinate>(corners.Count / 2 + 1);
        var n = corners.Count;
        for (var i = 0; i < n; i++)
        {
            int prev = corners[(i + n - 1) % n], here = corners[i], next = corners[(i + 1) % n];
            var straight = (here % stride - prev % stride) * (next / stride - here / stride) - (here / stride - prev / stride) * (next % stride - here % stride) == 0;
            if (!straight)
                points.Add(new Coordinate(frame.MinX + here % stride * frame.Cell, frame.MinY + here / stride * frame.Cell));
        }
        points.Add(points[0].Copy());
        return factory.CreateLinearRing([.. points]);
    }

    /// <summary>A shell, its holes, and whether two of its rings' passes through saddles meet at one corner.</summary>
    private sealed class Traced
    {
        private readonly HashSet<int> _saddles = [];

        public Traced(LinearRing shell, List<int>? saddles)
        {
            Shell = shell;
            MayBeInvalid = Passes(saddles);
        }

        public LinearRing Shell { get; }
        public List<LinearRing> Holes { get; } = [];
        public bool MayBeInvalid { get; private set; }

        public void Add(LinearRing hole, List<int>? saddles)
        {
            Holes.Add(hole);
            MayBeInvalid |= Passes(saddles);
        }

        private bool Passes(List<int>? saddles)
        {
            var again = false;
            foreach (var corner in saddles ?? [])
                again |= !_saddles.Add(corner);
            return again;
        }
    }
}
