using System.Collections;
using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Importers.Projects;

/// <summary>
/// A planned turbine's sound power from its layout feature: <c>lwa_6ms_db</c>, <c>lwa_8ms_db</c> (totals, dB(A)), optional
/// <c>lwa_octaves_8ms_db</c> (8 values, 63 Hz–8 kHz) and <c>lwa_lf_thirds_8ms_db</c> (13 values, 10–160 Hz). None given: null
/// (the noise is then estimated). A value of the wrong shape is an error naming the feature and property; whether it is plausible
/// is checked against the rules in force when the noise is computed (<see cref="NoiseSources.For"/>).
/// </summary>
internal static class LayoutAcoustics
{
    public static TurbineAcoustics? Read(GeoJsonFeature feature, string file, List<ImportIssue> issues)
    {
        var before = issues.Count;
        var lwa6 = Number(feature, "lwa_6ms_db", file, issues);
        var lwa8 = Number(feature, "lwa_8ms_db", file, issues);
        var octaves = Numbers(feature, "lwa_octaves_8ms_db", file, issues);
        var thirds = Numbers(feature, "lwa_lf_thirds_8ms_db", file, issues);
        if (issues.Count > before)
            return null;
        if (TurbineAcoustics.ShapeProblem(lwa6, lwa8, octaves, thirds) is { } problem)
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, problem.Field, problem.Reason));
            return null;
        }
        return lwa6 is { } l6 && lwa8 is { } l8 ? new TurbineAcoustics(l6, l8, octaves, thirds, AcousticsBasis.Layout, $"layout {file}, feature {feature.Number}") : null;
    }

    private static double? Number(GeoJsonFeature feature, string name, string file, List<ImportIssue> issues)
    {
        if (!feature.Properties.Exists(name) || feature.Properties[name] is null)
            return null;
        if (feature.Numeric(name) is { } n)
            return n;
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, name, Reason.Of("import.not-a-number")));
        return null;
    }

    private static double[]? Numbers(GeoJsonFeature feature, string name, string file, List<ImportIssue> issues)
    {
        if (!feature.Properties.Exists(name) || feature.Properties[name] is not { } value)
            return null;
        var items = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : double.NaN).ToList(),
            IEnumerable list and not string => list.Cast<object?>().Select(ToDouble).ToList(),
            _ => null,
        };
        if (items is null || items.Any(double.IsNaN))
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, name, Reason.Of("import.expected-band-array")));
            return null;
        }
        return [.. items];
    }

    private static double ToDouble(object? item) => item switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        long l => l,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => double.NaN,
    };
}
