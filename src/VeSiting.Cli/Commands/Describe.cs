using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Commands;

/// <summary>Short names of domain values for output.</summary>
internal static class Describe
{
    public static string Kind(PlantKind kind) => kind switch
    {
        PlantKind.WindTurbine => "wind-turbine",
        PlantKind.WindFarm => "wind-farm",
        PlantKind.SolarPark => "solar-park",
        _ => "other",
    };

    /// <summary>The kind as a word of the answer's language in tables (its English text is <see cref="Kind"/>, as CSV and JSON keep it).</summary>
    public static Reason KindWord(PlantKind kind) => Reason.Word("plant-kind", Kind(kind));

    public static string Status(PlantStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The status as a word of the answer's language in tables (its English text is <see cref="Status"/>).</summary>
    public static Reason StatusWord(PlantStatus status) => Reason.Word("plant-status", Status(status));

    public static string Siting(Siting siting) => siting.ToString().ToLowerInvariant();

    public static string? Name(Plant plant) =>
        plant.Name ?? (plant.Manufacturer is null && plant.Model is null ? null : $"{plant.Manufacturer} {plant.Model}".Trim());

    public static double? MultipleOfHeight(Plant plant, double distance) =>
        plant.TotalHeightM is { } h and > 0 ? Math.Round(distance / h, 2) : null;
}
