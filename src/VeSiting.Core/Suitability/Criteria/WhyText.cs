namespace VeSiting.Core.Suitability.Criteria;

/// <summary>How values and units read in the siting answers' reasons (numbers are written by the catalogue of the answer's language).</summary>
internal static class WhyText
{
    /// <summary>A value with its unit, or "unknown".</summary>
    public static Reason Show(double? value, string unit) =>
        value is { } v ? Reason.Of("siting.value", ("value", v), ("unit", Unit(unit))) : Reason.Of("general.unknown");

    /// <summary>A criterion's unit as a reason: symbols (m, MW, km², DKK/kWh) read the same in every language, words do not.</summary>
    public static Reason Unit(string unit) => unit switch
    {
        "share" => Reason.Of("siting.unit.share"),
        "people" => Reason.Of("siting.unit.people"),
        "points" => Reason.Of("siting.unit.points"),
        "per region" => Reason.Of("siting.unit.per-region"),
        "t O2/yr" => Reason.Of("siting.unit.oxygen"),
        _ => Reason.Plain(unit),
    };
}
