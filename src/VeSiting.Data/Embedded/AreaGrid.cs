using NetTopologySuite.Geometries.Prepared;

namespace VeSiting.Data.Embedded;

/// <summary>
/// A quadtree of cells over a set of areas (municipalities), each cell classified once: covered by one area and touched by
/// no other (every point in it lies in that area alone), touched by none (no point in it lies in any), or undecided (a
/// boundary crosses it, or simplified boundaries overlap there; split down to <see cref="SmallestCellM"/>). A point or a
/// footprint's bounding box in a decided cell needs no polygon test; the answers equal <see cref="AreaIndex.At"/>'s because
/// the cells are closed boxes tested with exact predicates, and an undecided cell is left to <see cref="AreaIndex"/>.
/// Read-only once built, so threads may share it (an <see cref="AreaIndex"/> is kept per thread: <see cref="AreaLocator"/>).
/// </summary>
internal sealed class AreaGrid
{
    public const int NoArea = -1;
    public const int Undecided = -2;
    public const double SmallestCellM = 250;

    private readonly Node _root;
    private readonly Envelope _bounds;

    public IReadOnlyList<AdminArea> Areas { get; }

    public AreaGrid(IReadOnlyList<AdminArea> areas)
    {
        Areas = areas;
        _bounds = new Envelope();
        foreach (var area in areas)
            _bounds.ExpandToInclude(area.Geometry.EnvelopeInternal);
        if (areas.Count == 0)
        {
            _root = new Node(NoArea);
            return;
        }
        var prepared = areas.Select(a => PreparedGeometryFactory.Prepare(a.Geometry)).ToArray();
        _root = Build(_bounds, Enumerable.Range(0, areas.Count).Where(i => !areas[i].Geometry.IsEmpty).ToList(), prepared, areas[0].Geometry.Factory);
    }

    /// <summary>The index in <see cref="Areas"/> of the area holding the point, <see cref="NoArea"/>, or <see cref="Undecided"/>.</summary>
    public int At(double x, double y)
    {
        if (!_bounds.Covers(x, y))
            return NoArea;
        var node = _root;
        while (node.Children is { } children)
            node = children[(x <= node.MidX ? 0 : 1) + (y <= node.MidY ? 0 : 2)];
        return node.Answer;
    }

    /// <summary>The area holding every point of the box (see <see cref="At"/>); <see cref="Undecided"/> where the box crosses cells.</summary>
    public int Within(Envelope box)
    {
        if (box.IsNull)
            return Undecided;
        if (!_bounds.Covers(box))
            return _bounds.Intersects(box) ? Undecided : NoArea;
        var node = _root;
        while (node.Children is { } children)
        {
            int column = box.MaxX <= node.MidX ? 0 : box.MinX >= node.MidX ? 1 : -1;
            int row = box.MaxY <= node.MidY ? 0 : box.MinY >= node.MidY ? 2 : -1;
            if (column < 0 || row < 0)
                return Undecided;
            node = children[column + row];
        }
        return node.Answer;
    }

    private static Node Build(Envelope cell, List<int> candidates, IPreparedGeometry[] prepared, GeometryFactory factory)
    {
        var box = factory.ToGeometry(cell);
        var touching = candidates.Where(i => prepared[i].Intersects(box)).ToList();
        if (touching.Count == 0)
            return new Node(NoArea);
        if (touching.Count == 1 && prepared[touching[0]].Covers(box))
            return new Node(touching[0]);
        if (cell.Width <= SmallestCellM && cell.Height <= SmallestCellM)
            return new Node(Undecided);
        var (midX, midY) = ((cell.MinX + cell.MaxX) / 2, (cell.MinY + cell.MaxY) / 2);
        return new Node(Undecided)
        {
            MidX = midX,
            MidY = midY,
            Children =
            [
                Build(new Envelope(cell.MinX, midX, cell.MinY, midY), touching, prepared, factory),
                Build(new Envelope(midX, cell.MaxX, cell.MinY, midY), touching, prepared, factory),
                Build(new Envelope(cell.MinX, midX, midY, cell.MaxY), touching, prepared, factory),
                Build(new Envelope(midX, cell.MaxX, midY, cell.MaxY), touching, prepared, factory),
            ],
        };
    }

    /// <summary>A leaf (its answer) or a cell split at its middle into four (south-west, south-east, north-west, north-east).</summary>
    private sealed class Node(int answer)
    {
        public int Answer { get; } = answer;
        public double MidX { get; init; }
        public double MidY { get; init; }
        public Node[]? Children { get; init; }
    }
}

/// <summary>
/// <see cref="AreaIndex.At"/>'s answers through a shared <see cref="AreaGrid"/>: the polygon test (and, for a footprint,
/// its interior point) only where the grid's cell is undecided. One per thread.
/// </summary>
internal sealed class AreaLocator(AreaGrid grid)
{
    /// <summary>A footprint's interior point lies within its bounding box; widened by far more than a rounding error.</summary>
    private const double BoxMarginM = 1e-6;

    private readonly AreaIndex _index = new(grid.Areas);

    public IReadOnlyList<AdminArea> Areas => grid.Areas;

    public AdminArea? At(double x, double y, GeometryFactory factory) => grid.At(x, y) switch
    {
        AreaGrid.NoArea => null,
        AreaGrid.Undecided => _index.At(factory.CreatePoint(new Coordinate(x, y))),
        var i => grid.Areas[i],
    };

    /// <summary>The area holding the building footprint's interior point.</summary>
    public AdminArea? AtInteriorPointOf(Building building)
    {
        var box = building.Envelope.Copy();
        if (!box.IsNull)
            box.ExpandBy(BoxMarginM);
        return grid.Within(box) switch
        {
            AreaGrid.NoArea => null,
            AreaGrid.Undecided => _index.At(building.Footprint.InteriorPoint),
            var i => grid.Areas[i],
        };
    }
}
