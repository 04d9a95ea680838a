namespace VeSiting.Core.Suitability.Criteria;

/// <summary>The kind of layer a user supplies with a request for a criterion.</summary>
public enum UserLayerKind
{
    None,
    /// <summary>Points (<see cref="SitingInputs.PointLayers"/>).</summary>
    Points,
    /// <summary>Points with a value each (<see cref="SitingInputs.WeightedLayers"/>).</summary>
    WeightedPoints,
    /// <summary>Polygons (<see cref="SitingInputs.PolygonLayers"/>).</summary>
    Polygons,
    /// <summary>Figures per municipality, landsdel or region (<see cref="SitingInputs.RegionalFigures"/>).</summary>
    RegionalFigures,
}

public static class UserLayers
{
    /// <summary>Whether the inputs hold a layer of this kind by this name.</summary>
    public static bool Has(this SitingInputs inputs, UserLayerKind kind, string name) => kind switch
    {
        UserLayerKind.None => true,
        UserLayerKind.Points => inputs.PointLayers.ContainsKey(name),
        UserLayerKind.WeightedPoints => inputs.WeightedLayers.ContainsKey(name),
        UserLayerKind.Polygons => inputs.PolygonLayers.ContainsKey(name),
        UserLayerKind.RegionalFigures => inputs.RegionalFigures.ContainsKey(name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>How messages name such a layer ("polygon layer", else just "layer").</summary>
    public static string Noun(this UserLayerKind kind) => kind == UserLayerKind.Polygons ? "polygon layer" : "layer";
}
