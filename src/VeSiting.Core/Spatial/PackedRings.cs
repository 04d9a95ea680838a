namespace VeSiting.Core.Spatial;

/// <summary>
/// A polygon without holes kept as its shell's coordinates in one array (x0, y0, x1, y1, …, the closing point left out):
/// the lean form of a building footprint. A NetTopologySuite polygon holds a polygon, a ring, a sequence, an array and
/// an object per coordinate (about 450 bytes for a four-cornered house); the packed form about 90. Only polygons made by
/// <see cref="GeometryTransforms.FactoryFor"/>(EPSG:25832) in 2D are packed, so the polygon made back is equal to the original,
/// coordinate for coordinate and in the same order.
/// </summary>
public static class PackedRings
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    /// <summary>The packed shell, or null when the geometry is not a 2D EPSG:25832 polygon without holes.</summary>
    public static double[]? TryPack(Geometry geometry)
    {
        if (geometry is not Polygon { NumInteriorRings: 0, IsEmpty: false } polygon || !ReferenceEquals(polygon.Factory, Utm) || polygon.UserData is not null)
            return null;
        var shell = polygon.Shell.CoordinateSequence;
        var count = shell.Count - 1;
        if (count < 3)
            return null;
        var packed = new double[2 * count];
        for (var i = 0; i < count; i++)
        {
            if (!double.IsNaN(shell.GetZ(i)) || !double.IsNaN(shell.GetM(i)))
                return null;
            packed[2 * i] = shell.GetX(i);
            packed[2 * i + 1] = shell.GetY(i);
        }
        return packed;
    }

    /// <summary>The polygon again (a new one on every call: nothing is kept).</summary>
    public static Polygon ToPolygon(double[] packed)
    {
        var count = packed.Length / 2;
        var coordinates = new Coordinate[count + 1];
        for (var i = 0; i < count; i++)
            coordinates[i] = new Coordinate(packed[2 * i], packed[2 * i + 1]);
        coordinates[count] = coordinates[0].Copy();
        return Utm.CreatePolygon(coordinates);
    }

    /// <summary>The shell's bounding box, without making the polygon.</summary>
    public static Envelope EnvelopeOf(double[] packed)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < packed.Length; i += 2)
        {
            minX = Math.Min(minX, packed[i]);
            maxX = Math.Max(maxX, packed[i]);
            minY = Math.Min(minY, packed[i + 1]);
            maxY = Math.Max(maxY, packed[i + 1]);
        }
        return new Envelope(minX, maxX, minY, maxY);
    }
}
