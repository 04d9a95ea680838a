using NetTopologySuite.Geometries;
using SkiaSharp;

namespace VeSiting.Reports.Map;

/// <summary>Where an EPSG:25832 point falls among an image's pixels.</summary>
public interface IPixelPlacement
{
    SKPoint Pixel(double e, double n);
}

/// <summary>
/// A geometry's polygon rings and lines as one Skia path, every vertex placed straight in pixels (rings closed, empty
/// parts skipped): how the service's PNG tiles and the case report's map draw areas and lines.
/// </summary>
public static class GeometryPaths
{
    /// <remarks>Generic over the placement so that a struct placement is called directly, not through an interface.</remarks>
    public static SKPath Of<TPlacement>(Geometry geometry, TPlacement placement) where TPlacement : IPixelPlacement
    {
        var builder = new SKPathBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            IEnumerable<LineString> rings = geometry.GetGeometryN(i) switch
            {
                Polygon polygon => [polygon.ExteriorRing, .. polygon.InteriorRings],
                LineString line => [line],
                _ => [],
            };
            foreach (var ring in rings)
            {
                var points = ring.CoordinateSequence;
                if (points.Count == 0) continue;
                builder.MoveTo(placement.Pixel(points.GetX(0), points.GetY(0)));
                for (var j = 1; j < points.Count; j++)
                    builder.LineTo(placement.Pixel(points.GetX(j), points.GetY(j)));
                if (ring is LinearRing)
                    builder.Close();
            }
        }
        return builder.Detach();
    }
}
