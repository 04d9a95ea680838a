using NetTopologySuite.Geometries;

namespace VeSiting.Core.Suitability;

/// <summary>A point of a user's layer (EPSG:25832), with its value where the layer has one (e.g. tonnes of O₂ a year).</summary>
public sealed record LayerPoint(Point Point, double? Value = null);
