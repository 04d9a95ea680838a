using VeSiting.Data.Exports;

namespace VeSiting.Api.Contracts;

public sealed record FlickerTurbineDto(string Id, double WorstCaseHours, double DistanceM);

/// <summary>One dwelling's flicker: worst case (hours, days, longest day in minutes), expected hours a year, over the recommended limit or not, and why.</summary>
public sealed record FlickerDwellingDto(string Id, string Label, Position Position, double WorstCaseHours, int Days, int MaxMinutesPerDay, double ExpectedHours,
    bool OverLimit, IReadOnlyList<FlickerTurbineDto> Turbines, Reason Why)
{
    public static FlickerDwellingDto Of(DwellingShadowFlicker d) => new(d.Home.Id, d.Home.Label, Position.Of(d.Home.Position), Math.Round(d.Flicker.WorstCaseHours, 2),
        d.Flicker.Days, d.Flicker.MaxMinutesPerDay, Math.Round(d.Flicker.ExpectedHours, 2), d.OverLimit,
        d.Flicker.Turbines.Select(t => new FlickerTurbineDto(t.TurbineId, Math.Round(t.WorstCaseHours, 2), Math.Round(t.DistanceM, 1))).ToList(), d.Why);
}

public sealed record FlickerSummaryDto(int Dwellings, int OverLimit, FlickerDwellingDto? Worst, Reason Why);

/// <summary>
/// The shadow-flicker part of an answer. The limit is the planning guidance's recommendation (<c>limitStatus: guidance</c>,
/// not law); the hours are computed estimates (<c>hoursStatus: estimate</c>) under the conventions listed in the provenance.
/// </summary>
public sealed record ShadowFlickerAnswer(int Year, double LimitHours, string LimitStatus, string HoursStatus, FlickerSummaryDto Summary,
    IReadOnlyList<FlickerDwellingDto> Dwellings, IReadOnlyList<Reason> NotAssessed, ProvenanceDto Provenance)
{
    public static ShadowFlickerAnswer Of(ShadowFlickerPart p) => new(p.Year, p.LimitHours, "guidance", "estimate",
        new FlickerSummaryDto(p.Dwellings.Count, p.DwellingsOverLimit, p.Worst is { } w ? FlickerDwellingDto.Of(w) : null, p.Summary),
        p.Dwellings.Select(FlickerDwellingDto.Of).ToList(), p.NotAssessed, ProvenanceDto.Of(p.Provenance));

    /// <summary>The CSV columns an export adds per dwelling.</summary>
    public static readonly string[] CsvColumns = ["flicker_worst_case_h", "flicker_days", "flicker_max_min_per_day", "flicker_expected_h", "flicker_over_limit", "flicker_turbines"];

    /// <summary>A dwelling's values for <see cref="CsvColumns"/> (zeros when it is beyond every turbine's reach).</summary>
    public static string?[] CsvValues(ShadowFlickerPart part, string addressId) => part.For(addressId) is { } d
        ? [F(d.Flicker.WorstCaseHours), d.Flicker.Days.ToString(CultureInfo.InvariantCulture), d.Flicker.MaxMinutesPerDay.ToString(CultureInfo.InvariantCulture),
            F(d.Flicker.ExpectedHours), d.OverLimit ? "yes" : "no", string.Join(" ", d.Flicker.Turbines.Select(t => t.TurbineId))]
        : ["0", "0", "0", "0", "no", ""];

    /// <summary>The dwellings' flicker as a GeoPackage layer (EPSG:25832).</summary>
    public static GeoPackageLayer Layer(ShadowFlickerPart p, string title) => new("shadow_flicker",
        $"{title}: shadow flicker {p.Year} (worst case and expected hours a year; the guidance recommends at most {F(p.LimitHours)} h expected)", "POINT",
        [("address_id", "TEXT"), ("address", "TEXT"), ("worst_case_h", "REAL"), ("days", "INTEGER"), ("max_min_per_day", "INTEGER"), ("expected_h", "REAL"),
         ("over_limit", "INTEGER"), ("turbines", "TEXT")],
        p.Dwellings.Select(d => ((Geometry)d.Home.Position, new object?[]
        {
            d.Home.Id, d.Home.Label, Math.Round(d.Flicker.WorstCaseHours, 2), d.Flicker.Days, d.Flicker.MaxMinutesPerDay, Math.Round(d.Flicker.ExpectedHours, 2),
            d.OverLimit ? 1 : 0, string.Join(" ", d.Flicker.Turbines.Select(t => t.TurbineId)),
        })).ToList());

    /// <summary>One point per dwelling within reach (<c>kind: flicker</c>) with its hours, in WGS 84.</summary>
    public static IEnumerable<NetTopologySuite.Features.IFeature> Features(ShadowFlickerPart p) => p.Dwellings.Select(d =>
        (NetTopologySuite.Features.IFeature)new NetTopologySuite.Features.Feature(
            VeSiting.Core.Spatial.GeometryTransforms.Transform(d.Home.Position, VeSiting.Core.Spatial.Epsg.Utm32, VeSiting.Core.Spatial.Epsg.Wgs84),
            new NetTopologySuite.Features.AttributesTable
            {
                { "kind", "flicker" }, { "address_id", d.Home.Id }, { "label", d.Home.Label }, { "worst_case_h", Math.Round(d.Flicker.WorstCaseHours, 2) },
                { "days", d.Flicker.Days }, { "max_min_per_day", d.Flicker.MaxMinutesPerDay }, { "expected_h", Math.Round(d.Flicker.ExpectedHours, 2) },
                { "over_limit", d.OverLimit }, { "turbines", string.Join(" ", d.Flicker.Turbines.Select(t => t.TurbineId)) },
            }));

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

public sealed record FlickerSpellDto(string Date, string Start, string End, int Minutes, IReadOnlyList<string> Turbines);

/// <summary>One dwelling's flicker calendar: every spell with its date and Danish clock time (CET/CEST).</summary>
public sealed record FlickerCalendarAnswer(FlickerDwellingDto Dwelling, string ClockTime, IReadOnlyList<FlickerSpellDto> Spells, IReadOnlyList<Reason> NotAssessed, ProvenanceDto Provenance)
{
    public static FlickerCalendarAnswer Of(ShadowFlickerPart part, IReadOnlyList<FlickerSpell> calendar) => new(
        FlickerDwellingDto.Of(part.Dwellings[0]), "Danish time (CET, CEST in summer)",
        calendar.Select(s => new FlickerSpellDto(s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            s.End.ToString("HH:mm", CultureInfo.InvariantCulture), s.Minutes, s.Turbines)).ToList(),
        part.NotAssessed, ProvenanceDto.Of(part.Provenance));
}
