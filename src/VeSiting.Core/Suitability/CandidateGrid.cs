using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace VeSiting.Core.Suitability;

/// <summary>A regular grid in EPSG:25832 over an area: the cells whose centres lie in it (land cells when the area is the municipalities).</summary>
public static class CandidateGrid
{
    public static IReadOnlyList<Candidate> Over(IReadOnlyList<Geometry> areas, double cellSizeM)
    {
        if (!(cellSizeM >= 100))
            throw new ArgumentOutOfRangeException(nameof(cellSizeM), cellSizeM, "the cell size must be at least 100 m");
        var tree = new STRtree<IPreparedGeometry>();
        var extent = new Envelope();
        foreach (var area in areas)
        {
            tree.Insert(area.EnvelopeInternal, PreparedGeometryFactory.Prepare(area));
            extent.ExpandToInclude(area.EnvelopeInternal);
        }
        tree.Build();
        if (extent.IsNull)
            return [];
        var factory = areas[0].Factory;
        var cells = new List<Candidate>();
        for (var y = Math.Floor(extent.MinY / cellSizeM) * cellSizeM; y < extent.MaxY; y += cellSizeM)
        {
            for (var x = Math.Floor(extent.MinX / cellSizeM) * cellSizeM; x < extent.MaxX; x += cellSizeM)
            {
                var centre = factory.CreatePoint(new Coordinate(x + cellSizeM / 2, y + cellSizeM / 2));
                if (!tree.Query(centre.EnvelopeInternal).Any(a => a.Covers(centre)))
                    continue;
                var square = factory.ToGeometry(new Envelope(x, x + cellSizeM, y, y + cellSizeM));
                cells.Add(new Candidate($"{x:0}_{y:0}", centre, square));
            }
        }
        return cells;
    }
}
