namespace VeSiting.Api.Tiles;

/// <summary>One style class of a layer: the attribute value it matches, its colour and its legend label.</summary>
public sealed record LegendEntry(string Value, string Color, string Label);

/// <summary>
/// What a tile layer is, as TileJSON and <c>/api/legend</c> describe it: the MVT layers it holds, the zooms it has data
/// at, the geometry of its features (<c>point</c> or <c>polygon</c>), the query parameters its tiles take, the attribute
/// its legend classes match, and the legend (shared by PNG tiles and the web map).
/// </summary>
public sealed record TileLayer(string Id, string Title, string Description, int MinZoom, int MaxZoom, string Geometry, IReadOnlyList<string> Parameters,
    string StyleAttribute, IReadOnlyList<string> VectorLayers, IReadOnlyList<LegendEntry> Legend)
{
    public const string Points = "point", Polygons = "polygon";
}
