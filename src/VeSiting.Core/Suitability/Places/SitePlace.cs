namespace VeSiting.Core.Suitability.Places;

/// <summary>
/// A place: contiguous cells of a ranked grid taken together, listed by its best cell. <see cref="Outline"/> is the
/// union of its cells in EPSG:25832; <see cref="Floor"/> the lowest score a cell needed to join; <see cref="Why"/> says
/// what was joined and how far the place lies from the nearest better one.
/// </summary>
public sealed record SitePlace(string BestCell, int Cells, double AreaM2, double Floor, Geometry Outline, Reason Why)
{
    public double AreaHa => AreaM2 / 10_000;
}
