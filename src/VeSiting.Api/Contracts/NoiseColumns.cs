using VeSiting.Core.Noise;
using VeSiting.Data.Exports;

namespace VeSiting.Api.Contracts;

/// <summary>A dwelling's noise as export columns (GeoJSON properties, CSV, the GeoPackage layer <c>noise_dwellings</c>): one list of names for all three.</summary>
public static class NoiseColumns
{
    public static IReadOnlyList<string> Names { get; } =
        ["noise_8ms_dba", "noise_6ms_dba", "project_noise_8ms_dba", "project_noise_6ms_dba", "noise_limit_8ms_dba", "noise_limit_6ms_dba",
         "noise_margin_8ms_db", "noise_margin_6ms_db", "low_frequency_indoor_db", "noise_area", "noise_verdict", "noise_estimate"];

    public static object?[] Values(DwellingNoiseRow? row)
    {
        if (row is null)
            return new object?[Names.Count];
        var d = NoiseDwellingDto.Of(row);
        double? lf = d.LowFrequency8 is { } a && d.LowFrequency6 is { } b ? Math.Max(a, b) : null;
        return [d.Level8, d.Level6, d.ProjectLevel8, d.ProjectLevel6, d.Limit8, d.Limit6, d.Margin8, d.Margin6, lf, d.Area, d.Verdict, d.Estimate ? 1 : 0];
    }

    public static IEnumerable<(string Key, object? Value)> Properties(DwellingNoiseRow? row) => Names.Zip(Values(row));

    public static GeoPackageLayer Layer(ProjectAssessment a, ProjectNoise noise) => new("noise_dwellings",
        Reason.Of(noise.Estimated ? "export.noise-estimated" : "export.noise", ("project", a.Project.Name), ("version", a.DataVersion)).Rendered,
        "POINT",
        [("address_id", "TEXT"), ("address", "TEXT"), .. Names.Select(n => (n, n is "noise_area" or "noise_verdict" ? "TEXT" : n == "noise_estimate" ? "INTEGER" : "REAL"))],
        [.. noise.Dwellings.Select(r => ((Geometry)r.Address.Position, (object?[])[r.Address.Id, r.Address.Label, .. Values(r)]))]);
}
