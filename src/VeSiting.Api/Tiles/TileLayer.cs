using System.Text.Json.Serialization;

namespace VeSiting.Api.Tiles;

/// <summary>One style class of a layer: the attribute value it matches, its colour and its legend label.</summary>
public sealed record LegendEntry(string Value, string Color, string Label);

/// <summary>
/// The type of a feature attribute as a vector tile carries it: <c>String</c>, <c>Integer</c> (MVT int, uint or sint
/// value), <c>Number</c> (MVT double) or <c>Boolean</c>. TileJSON's <c>vector_layers.fields</c> names Integer "Number".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TileFieldType>))]
public enum TileFieldType
{
    String,
    Integer,
    Number,
    Boolean,
}

/// <summary>An attribute of a vector layer's features: its name and type (left out of a feature where it has no value).</summary>
public sealed record TileField(string Name, TileFieldType Type);

/// <summary>A vector layer of a tile layer (an MVT layer): its name and the attributes its features may carry.</summary>
public sealed record VectorLayerSchema(string Id, IReadOnlyList<TileField> Fields)
{
    /// <summary>A vector layer from (name, type) pairs.</summary>
    public static VectorLayerSchema Of(string id, params (string Name, TileFieldType Type)[] fields) =>
        new(id, [.. fields.Select(f => new TileField(f.Name, f.Type))]);
}

/// <summary>
/// Point size from a numeric attribute: radius = clamp(base + √value × perSquareRoot, min, max) pixels (area grows
/// with the value), or the style's fixed radius where the attribute is missing.
/// </summary>
public sealed record PointSize(string Attribute, double Base, double PerSquareRoot, double Min, double Max)
{
    public double Radius(double value) => Math.Clamp(Base + Math.Sqrt(Math.Max(0, value)) * PerSquareRoot, Min, Max);
}

/// <summary>
/// How PNG tiles draw a layer beyond its legend's colours (the legend gives the colour of each class): the point radius
/// (fixed or from an attribute), whether areas are filled (translucent) or outlined only, and the outline width per
/// vector layer. A display style, not rules.
/// </summary>
public sealed record TileStyle(double PointRadius = 3, PointSize? SizeBy = null, bool FillAreas = true, double StrokeWidth = 1.2,
    IReadOnlyDictionary<string, double>? StrokeWidths = null)
{
    public static TileStyle Default { get; } = new();

    public double StrokeWidthOf(string vectorLayer) => StrokeWidths is not null && StrokeWidths.TryGetValue(vectorLayer, out var w) ? w : StrokeWidth;
}

/// <summary>
/// A tile layer defined once, as TileJSON and <c>/api/legend</c> describe it and as its tiles are made: the MVT layers it
/// holds with their attributes (<see cref="Schema"/>: every source, the in-process writer and PostGIS's ST_AsMVT are
/// checked against it), the zooms it has data at, the geometry of its features (<c>point</c> or <c>polygon</c>), the
/// query parameters its tiles take, the attribute its legend classes match, the legend and the drawing style (shared by
/// PNG tiles and the web map).
/// </summary>
public sealed record TileLayer(string Id, string Title, string Description, int MinZoom, int MaxZoom, string Geometry, IReadOnlyList<string> Parameters,
    string StyleAttribute, IReadOnlyList<VectorLayerSchema> Schema, IReadOnlyList<LegendEntry> Legend)
{
    public const string Points = "point", Polygons = "polygon";

    /// <summary>The MVT layers' names, in the order a tile holds them.</summary>
    public IReadOnlyList<string> VectorLayers => [.. Schema.Select(s => s.Id)];

    /// <summary>How PNG tiles draw the layer's features.</summary>
    public TileStyle Style { get; init; } = TileStyle.Default;

    /// <summary>The vector layer of that name; an error for a name the layer does not declare (a source yielding an undeclared layer).</summary>
    public VectorLayerSchema VectorLayer(string id) => Schema.FirstOrDefault(s => s.Id == id)
        ?? throw new InvalidOperationException($"tile layer '{Id}' has no vector layer '{id}' (declared: {string.Join(", ", VectorLayers)})");
}
