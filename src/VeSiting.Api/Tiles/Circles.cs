namespace VeSiting.Api.Tiles;

/// <summary>
/// Discs and rings (annuli) around a point, built directly instead of by buffer and difference, with as many
/// vertices as the zoom needs: the chord of each segment strays at most a tenth of a pixel from the true circle
/// (16 to 96 vertices; 96 is what Buffer(r, 24) gives).
/// </summary>
public static class Circles
{
    public static Polygon Disc(Geometry centre, double radius, double metresPerPixel)
    {
        var factory = centre.Factory;
        var polygon = factory.CreatePolygon(Ring(factory, centre.Coordinate, radius, Vertices(radius, metresPerPixel)));
        polygon.Normalize();
        return polygon;
    }

    public static Polygon Annulus(Geometry centre, double outer, double inner, double metresPerPixel)
    {
        var factory = centre.Factory;
        var polygon = factory.CreatePolygon(Ring(factory, centre.Coordinate, outer, Vertices(outer, metresPerPixel)),
            [Ring(factory, centre.Coordinate, inner, Vertices(inner, metresPerPixel))]);
        polygon.Normalize();
        return polygon;
    }

    /// <summary>Vertices for a sagitta r (1 − cos(π / n)) ≈ r π² / 2n² of at most 0.1 px, a multiple of 4 in 16…96.</summary>
    public static int Vertices(double radius, double metresPerPixel)
    {
        var pixels = radius / metresPerPixel;
        var n = (int)Math.Ceiling(Math.PI * Math.Sqrt(pixels / 0.2));
        return Math.Clamp((n + 3) / 4 * 4, 16, 96);
    }

    private static LinearRing Ring(GeometryFactory factory, Coordinate c, double r, int n)
    {
        var points = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var (sin, cos) = Math.SinCos(2 * Math.PI * i / n);
            points[i] = new Coordinate(c.X + r * cos, c.Y + r * sin);
        }
        points[n] = points[0].Copy();
        return factory.CreateLinearRing(points);
    }
}
