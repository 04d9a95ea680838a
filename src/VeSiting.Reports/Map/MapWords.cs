using VeSiting.Core.Rules;
using VeSiting.Reports.Model;

namespace VeSiting.Reports.Map;

/// <summary>The report map's legend words in the report's language.</summary>
public sealed record MapWords(ReportLanguage Language)
{
    public string ProjectPlant => Language["legend.project"];
    public string RegisteredPlant => Language["legend.registered"];
    public string Boundary => Language["legend.boundary"];
    public string OtherDwelling => Language["legend.noise-dwelling"];
    public string OverLimit => Language["legend.over-limit"];

    /// <summary>A wind ring's legend: its band in multiples of H and the schemes it bounds, or the loss-of-value fee limit.</summary>
    public string Ring(SchemeBand? band, double k)
    {
        if (band is null)
            return $"≤ {Language.Number(k)} × H: {Language["band.fee"]}";
        var names = string.Join(", ", band.Label[(band.Label.IndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries).Select(n => Language.Has($"band.{n}") ? Language[$"band.{n}"] : n));
        var reach = band.Id == Schemes.MinimumDistance ? $"< {Language.Number(band.Outer)}"
            : band.Inner == 0 ? $"≤ {Language.Number(band.Outer)}" : $"{Language.Number(band.Inner)}–{Language.Number(band.Outer)}";
        return $"{reach} × H: {names}";
    }

    public string SolarRing(double metres) => $"≤ {Language.Number(metres)} m {Language["band.solar"]}";
}
