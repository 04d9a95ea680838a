using NetTopologySuite.Geometries;
using SkiaSharp;
using VeSiting.Core.Tiles;

namespace VeSiting.Reports.Map;

/// <summary>
/// Draws a <see cref="ReportMapScene"/> as a PNG the way the service's PNG tiles are drawn (SkiaSharp, Web Mercator, EPSG:25832
/// vertices projected straight to pixels, translucent ring fills under their outlines, plants as dots in the legend's colours),
/// sized for print, with the legend, a scale bar and the sources' attribution on the image.
/// </summary>
public static class ReportMapPainter
{
    public const int Width = 1800, Height = 1200;
    private const float Padding = 24;

    public static byte[] Render(ReportMapScene scene)
    {
        var frame = Frame.Fit(scene.Area, Width, Height);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse(MapColours.Sea));
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 2.5f };

        fill.Color = SKColor.Parse(MapColours.Land);
        stroke.Color = SKColor.Parse(MapColours.Municipality);
        foreach (var boundary in scene.Boundaries)
        {
            using var path = frame.Path(boundary);
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
        foreach (var ring in scene.Rings)
        {
            using var path = frame.Path(ring.Geometry);
            var colour = SKColor.Parse(ring.Colour);
            fill.Color = colour.WithAlpha(45);
            stroke.Color = colour;
            stroke.StrokeWidth = 3f;
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
        stroke.StrokeWidth = 1.5f;
        stroke.Color = SKColors.White;
        foreach (var plant in scene.RegisteredPlants)
            Dot(canvas, frame.Pixel(plant.Geometry.Centroid.Coordinate), 7, SKColor.Parse(plant.Colour), fill, stroke);
        using var outline = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 3f, Color = SKColor.Parse(MapColours.OverLimit) };
        foreach (var dwelling in scene.Dwellings)
        {
            var at = frame.Pixel(dwelling.Geometry.Coordinate);
            Dot(canvas, at, 5.5f, SKColor.Parse(dwelling.Colour), fill, stroke);
            if (dwelling.OverLimit)
                canvas.DrawCircle(at, 9.5f, outline);
        }
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold);
        using var labelFont = new SKFont(typeface, 22);
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var halo = new SKPaint { IsAntialias = true, Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 5f };
        foreach (var plant in scene.ProjectPlants)
        {
            if (plant.Geometry is not Point)
            {
                using var path = frame.Path(plant.Geometry);
                fill.Color = SKColor.Parse(plant.Colour).WithAlpha(160);
                canvas.DrawPath(path, fill);
                canvas.DrawPath(path, outline);
            }
            var at = frame.Pixel(plant.Geometry.Centroid.Coordinate);
            stroke.StrokeWidth = 3f;
            Dot(canvas, at, 11, SKColor.Parse(MapColours.Project), fill, stroke);
            if (plant.Label is { } label)
            {
                canvas.DrawText(label, at.X + 15, at.Y - 12, SKTextAlign.Left, labelFont, halo);
                canvas.DrawText(label, at.X + 15, at.Y - 12, SKTextAlign.Left, labelFont, text);
            }
        }
        Legend(canvas, scene.Legend);
        ScaleBar(canvas, frame);
        Attribution(canvas, scene.Attribution);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode the report map as PNG");
        return png.ToArray();
    }

    private static void Dot(SKCanvas canvas, SKPoint at, float radius, SKColor colour, SKPaint fill, SKPaint stroke)
    {
        fill.Color = colour;
        canvas.DrawCircle(at, radius, fill);
        canvas.DrawCircle(at, radius, stroke);
    }

    private static void Legend(SKCanvas canvas, IReadOnlyList<MapLegendEntry> legend)
    {
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans");
        using var font = new SKFont(typeface, 22);
        const float line = 32, swatch = 20;
        var width = legend.Max(l => font.MeasureText(l.Label)) + swatch + 3 * 12;
        var box = SKRect.Create(Padding, Padding, width, legend.Count * line + 16);
        using var back = new SKPaint { Color = SKColors.White.WithAlpha(225), IsAntialias = true };
        using var border = new SKPaint { Color = SKColor.Parse("#888888"), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawRoundRect(box, 6, 6, back);
        canvas.DrawRoundRect(box, 6, 6, border);
        using var paint = new SKPaint { IsAntialias = true };
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3f };
        for (var i = 0; i < legend.Count; i++)
        {
            var entry = legend[i];
            var y = box.Top + 8 + i * line;
            var colour = SKColor.Parse(entry.Colour);
            var cell = SKRect.Create(box.Left + 12, y + (line - swatch) / 2, swatch, swatch);
            if (entry.Area)
            {
                paint.Color = colour.WithAlpha(70);
                canvas.DrawRect(cell, paint);
                ring.Color = colour;
                canvas.DrawRect(cell, ring);
            }
            else if (entry.Colour == MapColours.OverLimit)
            {
                ring.Color = colour;
                canvas.DrawCircle(cell.MidX, cell.MidY, swatch / 2 - 1, ring);
            }
            else if (entry.Colour == MapColours.Municipality)
            {
                ring.Color = colour;
                canvas.DrawLine(cell.Left, cell.MidY, cell.Right, cell.MidY, ring);
            }
            else
            {
                paint.Color = colour;
                canvas.DrawCircle(cell.MidX, cell.MidY, swatch / 2 - 2, paint);
            }
            canvas.DrawText(entry.Label, cell.Right + 12, y + line / 2 + 8, SKTextAlign.Left, font, text);
        }
    }

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the width, measured at the map's centre.</summary>
    private static void ScaleBar(SKCanvas canvas, Frame frame)
    {
        var target = frame.MetresPerPixel * Width / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 5, 2, 1 }.Select(f => f * magnitude).First(m => m <= target);
        var pixels = (float)(metres / frame.MetresPerPixel);
        var (x, y) = (Padding + 8, Height - 92f);
        using var back = new SKPaint { Color = SKColors.White.WithAlpha(210) };
        canvas.DrawRect(SKRect.Create(x - 8, y - 34, pixels + 40, 52), back);
        using var bar = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawLine(x, y, x + pixels, y, bar);
        canvas.DrawLine(x, y - 10, x, y + 6, bar);
        canvas.DrawLine(x + pixels, y - 10, x + pixels, y + 6, bar);
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans");
        using var font = new SKFont(typeface, 22);
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var label = metres >= 1000 ? $"{metres / 1000:0.#} km" : $"{metres:0} m";
        canvas.DrawText(label, x + pixels / 2, y - 12, SKTextAlign.Center, font, text);
    }

    /// <summary>The sources' attribution along the bottom edge, wrapped to the width.</summary>
    private static void Attribution(SKCanvas canvas, IReadOnlyList<string> attribution)
    {
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans");
        using var font = new SKFont(typeface, 17);
        var lines = new List<string>();
        var current = "";
        foreach (var part in attribution.Select(a => a.StartsWith('©') ? a : $"© {a}"))
        {
            var next = current.Length == 0 ? part : $"{current} · {part}";
            if (font.MeasureText(next) > Width - 2 * Padding && current.Length > 0)
            {
                lines.Add(current);
                next = part;
            }
            current = next;
        }
        if (current.Length > 0)
            lines.Add(current);
        const float line = 22;
        var top = Height - lines.Count * line - 10;
        using var back = new SKPaint { Color = SKColors.White.WithAlpha(215) };
        canvas.DrawRect(SKRect.Create(0, top - 4, Width, Height - top + 4), back);
        using var text = new SKPaint { IsAntialias = true, Color = SKColor.Parse("#333333") };
        for (var i = 0; i < lines.Count; i++)
            canvas.DrawText(lines[i], Width - Padding, top + (i + 1) * line - 5, SKTextAlign.Right, font, text);
    }

    /// <summary>EPSG:25832 to the image's pixels through Web Mercator (as the tiles), centred on the area and scaled to fit it.</summary>
    private sealed class Frame(double scale, double originX, double originY, double metresPerPixel) : IPixelPlacement
    {
        public double MetresPerPixel => metresPerPixel;

        public static Frame Fit(NetTopologySuite.Geometries.Envelope area, int width, int height)
        {
            var corners = new[] { (area.MinX, area.MinY), (area.MaxX, area.MinY), (area.MinX, area.MaxY), (area.MaxX, area.MaxY) }
                .Select(c => Utm32WebMercator.ToUnitSquare(c.Item1, c.Item2)).ToList();
            var (minX, maxX) = (corners.Min(c => c.X), corners.Max(c => c.X));
            var (minY, maxY) = (corners.Min(c => c.Y), corners.Max(c => c.Y));
            var scale = Math.Min((width - 2 * Padding) / (maxX - minX), (height - 2 * Padding) / (maxY - minY));
            var originX = (minX + maxX) / 2 - width / 2.0 / scale;
            var originY = (minY + maxY) / 2 - height / 2.0 / scale;
            var (_, phi) = Utm32WebMercator.ToLonLatRadians(area.Centre.X, area.Centre.Y);
            return new Frame(scale, originX, originY, 40_075_016.686 * Math.Cos(phi) / scale);
        }

        public SKPoint Pixel(Coordinate c) => Pixel(c.X, c.Y);

        public SKPoint Pixel(double e, double n)
        {
            var (x, y) = Utm32WebMercator.ToUnitSquare(e, n);
            return new SKPoint((float)((x - originX) * scale), (float)((y - originY) * scale));
        }

        public SKPath Path(Geometry geometry) => GeometryPaths.Of(geometry, this);
    }
}
