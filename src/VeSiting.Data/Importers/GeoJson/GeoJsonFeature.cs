using NetTopologySuite.Features;

namespace VeSiting.Data.Importers.GeoJson;

/// <summary>A GeoJSON feature with its geometry already in EPSG:25832 (2D) and its 1-based position in the file.</summary>
internal sealed record GeoJsonFeature(int Number, Geometry? Geometry, IAttributesTable Properties)
{
    public string? Text(string name) =>
        Properties.Exists(name) && Properties[name] is { } v ? CellText.Text(v is System.Text.Json.JsonElement e ? e.ToString() : v) : null;

    public double? Numeric(string name) =>
        Properties.Exists(name) && Properties[name] is { } v && CellText.TryNumber(v is decimal d ? (double)d : v, out var n) ? n : null;
}
