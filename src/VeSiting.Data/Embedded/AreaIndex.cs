using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace VeSiting.Data.Embedded;

/// <summary>Point-in-area for one kind of area: an STR-tree of envelopes, then a prepared-geometry test.</summary>
internal sealed class AreaIndex
{
    private readonly STRtree<(AdminArea Area, IPreparedGeometry Prepared)> _tree = new();

    public AreaIndex(IEnumerable<AdminArea> areas)
    {
        foreach (var area in areas)
            _tree.Insert(area.Geometry.EnvelopeInternal, (area, PreparedGeometryFactory.Prepare(area.Geometry)));
        _tree.Build();
    }

    /// <summary>The area covering the point (boundary included); where simplified boundaries overlap, the lowest code wins.</summary>
    public AdminArea? At(Point point) =>
        _tree.Query(point.EnvelopeInternal)
            .Where(c => c.Prepared.Covers(point))
            .Select(c => c.Area)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .FirstOrDefault();
}
