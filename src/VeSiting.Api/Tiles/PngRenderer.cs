using NetTopologySuite.Features;
using SkiaSharp;
using VeSiting.Core.Tiles;
using VeSiting.Reports.Map;

namespace VeSiting.Api.Tiles;

/// <summary>
/// 256 px PNG tiles drawn with SkiaSharp from the layer's legend (the colour of each class of its style attribute) and
/// style (point size, filled or outlined areas, line widths: <see cref="TileStyle"/>), straight from EPSG:25832 features: every vertex is
/// projected to tile pixels by <see cref="MercatorTile"/> (exact, no lon/lat geometries) and the canvas clips, so
/// nothing is reprojected, repaired or intersected per tile.
/// </summary>
public static class PngRenderer
{
    public const int Size = 256;

    internal static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 6);

    public static byte[] Render(MercatorTile tile, TileLayer layer, IEnumerable<TileFeature> features)
    {
        var pixels = new MercatorTile(tile.Z, tile.X, tile.Y, Size, 0);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        // Area fills are translucent and outlined by an anti-aliased stroke: their own edges need no anti-aliasing
        // (the most expensive part of drawing hundreds of scheme rings).
        using var areaFill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = false };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 1.2f };
        var colours = new Dictionary<string, SKColor>();
        var style = layer.Style;
        foreach (var (vectorLayer, geometry, attributes) in features)
        {
            var color = ColorOf(layer, attributes, colours);
            switch (geometry)
            {
                case Point p:
                    {
                        fill.Color = color;
                        var radius = style.SizeBy is { } size && attributes.Exists(size.Attribute) && attributes[size.Attribute] is { } value
                            ? (float)size.Radius(Convert.ToDouble(value, CultureInfo.InvariantCulture)) : (float)style.PointRadius;
                        canvas.DrawCircle(Pixel(pixels, p.Coordinate), radius, fill);
                        break;
                    }
                case var g:
                    {
                        using var path = GeometryPaths.Of(g, new TilePixels(pixels));
                        areaFill.Color = color.WithAlpha(70);
                        stroke.Color = color;
                        stroke.StrokeWidth = (float)style.StrokeWidthOf(vectorLayer);
                        if (style.FillAreas)
                            canvas.DrawPath(path, areaFill);
                        canvas.DrawPath(path, stroke);
                        break;
                    }
            }
        }
        // Encode straight from the surface's pixels with one fixed row filter (Sub) instead of trying all five per row:
        // that search was most of a tile's time, and map tiles on a transparent background compress about as well.
        using var pixmap = surface.PeekPixels();
        using var png = pixmap.Encode(PngOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode the tile as PNG");
        return png.ToArray();
    }

    private static SKColor ColorOf(TileLayer layer, IAttributesTable attributes, Dictionary<string, SKColor> colours)
    {
        var value = attributes.Exists(layer.StyleAttribute) ? Convert.ToString(attributes[layer.StyleAttribute], CultureInfo.InvariantCulture) : null;
        var key = value ?? "";
        if (!colours.TryGetValue(key, out var color))
            colours[key] = color = SKColor.Parse((layer.Legend.FirstOrDefault(l => l.Value == value) ?? layer.Legend[^1]).Color);
        return color;
    }

    private static SKPoint Pixel(MercatorTile pixels, Coordinate c) => Pixel(pixels, c.X, c.Y);

    /// <summary>Web-mercator pixel position inside the tile of an EPSG:25832 point.</summary>
    private static SKPoint Pixel(MercatorTile pixels, double e, double n)
    {
        var (x, y) = pixels.Position(e, n);
        return new SKPoint((float)x, (float)y);
    }

    /// <summary>The tile's pixels as a placement for <see cref="GeometryPaths"/>.</summary>
    private readonly struct TilePixels(MercatorTile pixels) : IPixelPlacement
    {
        public SKPoint Pixel(double e, double n) => PngRenderer.Pixel(pixels, e, n);
    }
}
