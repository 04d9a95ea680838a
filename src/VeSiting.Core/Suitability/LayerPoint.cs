namespace VeSiting.Core.Suitability;

/// <summary>
/// A feature of a user's layer (EPSG:25832): its point (a polygon's centroid), its value where the layer has one (e.g.
/// tonnes of O₂ a year), and its polygon where it is one (farmland shares are measured on the polygons).
/// </summary>
public sealed record LayerPoint(Point Point, double? Value = null, Geometry? Shape = null);
