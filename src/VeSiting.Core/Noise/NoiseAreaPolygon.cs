namespace VeSiting.Core.Noise;

/// <summary>
/// One polygon of a user's noise-sensitive areas layer (e.g. a municipal plan frame from Plandata.dk): its use category as the file
/// names it, the kind that category is under the noise order (<see cref="NoiseAreaCategory"/>), and its area in EPSG:25832.
/// </summary>
public sealed record NoiseAreaPolygon(string Id, string Category, NoiseAreaKind Kind, string? Name, Geometry Geometry, RecordOrigin Origin)
{
    public NoiseArea Area => new(Kind, Name ?? Category, FromLayer: true);
}
