using VeSiting.Core.Rules;

namespace VeSiting.Reports.Map;

/// <summary>
/// The colours of the service's map legends (tile layers <c>scheme-zones</c>, <c>plants</c>, <c>boundaries</c>), as the
/// report map draws them: a ring or dwelling by its scheme, a plant by its kind.
/// </summary>
public static class MapColours
{
    public const string MinimumDistance = "#d62728", SalesOption = "#ff7f0e", VeBonus = "#2ca02c", Solar = "#f2a900", LossOfValue = "#9467bd";
    public const string WindTurbine = "#1f77b4", WindFarm = "#17becf", SolarPark = "#f2a900", OtherPlant = "#7f7f7f";
    public const string Region = "#5b6770", Municipality = "#9aa5ad";
    public const string Beyond = "#636363", OverLimit = "#000000", Project = "#111111", Land = "#f6f4ee", Sea = "#dce9f2";

    /// <summary>The colour of a scheme band's id (minimum-distance, sales-option, ve-bonus, solar; anything else the loss-of-value fee limit).</summary>
    public static string OfScheme(string? scheme) => scheme switch
    {
        Schemes.MinimumDistance => MinimumDistance,
        Schemes.SalesOption => SalesOption,
        Schemes.VeBonus => VeBonus,
        "solar" => Solar,
        null => Beyond,
        _ => LossOfValue,
    };

    public static string OfPlant(Core.Domain.PlantKind kind) => kind switch
    {
        Core.Domain.PlantKind.WindTurbine => WindTurbine,
        Core.Domain.PlantKind.WindFarm => WindFarm,
        Core.Domain.PlantKind.SolarPark => SolarPark,
        _ => OtherPlant,
    };
}
