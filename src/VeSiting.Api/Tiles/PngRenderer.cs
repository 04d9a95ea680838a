using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace VeSiting.Api.Tiles;

/// <summary>256 px PNG tiles drawn with SkiaSharp in the legend's colours.</summary>
public static class PngRenderer
{
    public const int Size = 256;

    public static byte[] Render(TileAddress tile, TileLayer layer, IReadOnlyList<(string VectorLayer, IFeature Feature)> features)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 1.2f };
        foreach (var (vectorLayer, feature) in features)
        {
            var color = ColorOf(layer, feature);
            switch (feature.Geometry)
            {
                case Point p:
                    {
                        fill.Color = color;
                        var radius = layer.Id == "plants" && feature.Attributes.Exists("capacity_mw") && feature.Attributes["capacity_mw"] is double mw
                            ? (float)Math.Clamp(2 + Math.Sqrt(mw) * 1.5, 2, 12) : 3f;
                        canvas.DrawCircle(Pixel(tile, p.Coordinate), radius, fill);
                        break;
                    }
                case var g:
                    {
                        using var path = Path(tile, g);
                        var isBoundary = layer.Id == "boundaries";
                        fill.Color = color.WithAlpha(isBoundary ? (byte)0 : (byte)70);
                        stroke.Color = color;
                        stroke.StrokeWidth = isBoundary && vectorLayer == "regions" ? 2f : 1.2f;
                        if (!isBoundary)
                            canvas.DrawPath(path, fill);
                        canvas.DrawPath(path, stroke);
                        break;
                    }
            }
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static SKColor ColorOf(TileLayer layer, IFeature feature)
    {
        var value = feature.Attributes.Exists(layer.StyleAttribute) ? Convert.ToString(feature.Attributes[layer.StyleAttribute], CultureInfo.InvariantCulture) : null;
        var entry = layer.Legend.FirstOrDefault(l => l.Value == value) ?? layer.Legend[^1];
        return SKColor.Parse(entry.Color);
    }

    private static SKPath Path(TileAddress tile, Geometry geometry)
    {
        var builder = new SKPathBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var part = geometry.GetGeometryN(i);
            IEnumerable<LineString> rings = part switch
            {
                Polygon polygon => [polygon.ExteriorRing, .. polygon.InteriorRings],
                LineString line => [line],
                _ => [],
            };
            foreach (var ring in rings)
            {
                var points = ring.Coordinates;
                if (points.Length == 0) continue;
                builder.MoveTo(Pixel(tile, points[0]));
                for (var j = 1; j < points.Length; j++)
                    builder.LineTo(Pixel(tile, points[j]));
                if (ring is LinearRing)
                    builder.Close();
            }
        }
        return builder.Detach();
    }

    /// <summary>Web-mercator pixel position inside the tile.</summary>
    private static SKPoint Pixel(TileAddress tile, Coordinate c)
    {
        var scale = Size * (double)(1 << tile.Z);
        var x = (c.X + 180) / 360 * scale - tile.X * Size;
        var sin = Math.Sin(c.Y * Math.PI / 180);
        var y = (0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale - tile.Y * Size;
        return new SKPoint((float)x, (float)y);
    }
}
