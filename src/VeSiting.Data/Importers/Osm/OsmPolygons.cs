using NetTopologySuite.Operation.Linemerge;

namespace VeSiting.Data.Importers.Osm;

/// <summary>Footprints from OSM ways and multipolygon relations, in EPSG:25832.</summary>
internal static class OsmPolygons
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    /// <summary>A closed way's polygon (repaired where it crosses itself); null when the way is not a ring.</summary>
    public static Geometry? FromRing(Coordinate[] ring)
    {
        if (ring.Length < 4 || !ring[0].Equals2D(ring[^1]))
            return null;
        return Valid(Utm.CreatePolygon(ring));
    }

    /// <summary>A multipolygon from its outer and inner member ways (joined end to end into rings); null when no outer ring closes.</summary>
    public static Geometry? FromMembers(IReadOnlyList<Coordinate[]> outer, IReadOnlyList<Coordinate[]> inner)
    {
        var outers = Rings(outer).Select(r => (Geometry)Utm.CreatePolygon(r)).ToList();
        if (outers.Count == 0)
            return null;
        Geometry shape = Valid(Utm.BuildGeometry(outers).Union()) ?? Utm.CreatePolygon();
        foreach (var hole in Rings(inner))
            shape = shape.Difference(Valid(Utm.CreatePolygon(hole)) ?? Utm.CreatePolygon());
        return shape.IsEmpty ? null : shape;
    }

    private static IEnumerable<Coordinate[]> Rings(IReadOnlyList<Coordinate[]> lines)
    {
        var merger = new LineMerger();
        foreach (var line in lines.Where(l => l.Length >= 2))
            merger.Add(Utm.CreateLineString(line));
        return merger.GetMergedLineStrings().Select(l => l.Coordinates).Where(c => c.Length >= 4 && c[0].Equals2D(c[^1]));
    }

    private static Geometry? Valid(Geometry polygon)
    {
        if (polygon.IsValid)
            return polygon;
        var repaired = polygon.Buffer(0);
        return repaired.IsEmpty ? null : repaired;
    }
}
