using VeSiting.Core.Stores;

namespace VeSiting.Cli.Commands;

/// <summary>Options that narrow which plants a command considers.</summary>
public class PlantFilterSettings : QuerySettings
{
    [CommandOption("--kind <KIND>")]
    [Description("wind-turbine, wind-farm, solar-park or other (repeatable). Default: all kinds.")]
    public string[] Kinds { get; init; } = [];

    [CommandOption("--status <STATUS>")]
    [Description("operating (default), decommissioned or any.")]
    public string Status { get; init; } = "operating";

    [CommandOption("--min-height <METRES>")]
    [Description("Only plants whose total height (hub + rotor/2) is at least this.")]
    public double? MinHeight { get; init; }

    [CommandOption("--connected-before <DATE>")]
    [Description("Only plants connected on or before this date (yyyy-mm-dd).")]
    public string? ConnectedBefore { get; init; }

    [CommandOption("--connected-after <DATE>")]
    [Description("Only plants connected on or after this date (yyyy-mm-dd).")]
    public string? ConnectedAfter { get; init; }

    [CommandOption("--municipality <CODE>")]
    [Description("Only plants the register places in this municipality (e.g. 573).")]
    public int? Municipality { get; init; }

    [CommandOption("--siting <SITING>")]
    [Description("onshore or offshore.")]
    public string? Siting { get; init; }

    public PlantFilter ToFilter()
    {
        if (MinHeight is < 0 or double.NaN)
            throw new UsageException($"--min-height: {MinHeight} is not a height in metres");
        return new PlantFilter
        {
            Kinds = Kinds.Select(ParseKind).ToHashSet(),
            Statuses = Status.Trim().ToLowerInvariant() switch
            {
                "operating" => new HashSet<PlantStatus> { PlantStatus.Operating },
                "decommissioned" => new HashSet<PlantStatus> { PlantStatus.Decommissioned },
                "any" or "all" => new HashSet<PlantStatus>(),
                _ => throw new UsageException($"--status: '{Status}' is not one of operating, decommissioned, any"),
            },
            MinTotalHeightM = MinHeight,
            ConnectedOnOrBefore = ParseDate("--connected-before", ConnectedBefore),
            ConnectedOnOrAfter = ParseDate("--connected-after", ConnectedAfter),
            MunicipalityCode = Municipality,
            Siting = Siting?.Trim().ToLowerInvariant() switch
            {
                null => null,
                "onshore" or "land" => Core.Domain.Siting.Onshore,
                "offshore" or "hav" => Core.Domain.Siting.Offshore,
                _ => throw new UsageException($"--siting: '{Siting}' is not onshore or offshore"),
            },
        };
    }

    public static PlantKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "wind-turbine" or "turbine" or "wind" => PlantKind.WindTurbine,
        "wind-farm" => PlantKind.WindFarm,
        "solar-park" or "solar" => PlantKind.SolarPark,
        "other" => PlantKind.Other,
        _ => throw new UsageException($"--kind: '{text}' is not one of wind-turbine, wind-farm, solar-park, other"),
    };

    private static DateOnly? ParseDate(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"{option}: '{text}' is not a date (yyyy-mm-dd)");
}
