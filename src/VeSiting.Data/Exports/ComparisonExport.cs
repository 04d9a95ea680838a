using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Explanations;
using VeSiting.Core.Rules;

namespace VeSiting.Data.Exports;

/// <summary>
/// A layout comparison as files, the same from the API and the command line: CSV (one row per measure, a column per layout)
/// and GeoPackage (EPSG:25832; one layer per layout with its plants and dwellings, and the comparison as an attributes table).
/// Measures and differences are written in the given language (English by default).
/// </summary>
public static class ComparisonExport
{
    /// <summary>The CSV header's fixed columns before the layouts' and after them.</summary>
    public static readonly string[] LeadingColumns = ["measure_id", "measure", "unit", "status", "better"];
    public static readonly string[] TrailingColumns = ["best", "differences"];

    /// <summary>A layout's column title: its key and name, e.g. "A: four 3 MW".</summary>
    public static string ColumnTitle(ComparedLayout layout) => $"{layout.Key}: {layout.Name}";

    public static string Csv(LayoutComparison comparison, MessageCatalogue? language = null)
    {
        var catalogue = language ?? MessageCatalogue.English;
        return CsvOutput.Document(
            [.. LeadingColumns, .. comparison.Layouts.Select(ColumnTitle), .. TrailingColumns],
            comparison.Rows.Select(r => (IEnumerable<string?>)[.. Leading(r, catalogue), .. r.Values.Select(Number), .. Trailing(comparison, r, catalogue)]));
    }

    /// <summary>The comparison as a GeoPackage: <c>layout_a</c>, <c>layout_b</c>, … and the attributes table <c>comparison</c>.</summary>
    public static byte[] GeoPackage(LayoutComparison comparison, MessageCatalogue? language = null) =>
        GeoPackageWriter.Write([.. comparison.Layouts.Select(LayoutLayer)], [Table(comparison, language ?? MessageCatalogue.English)]);

    public static void WriteGeoPackage(string path, LayoutComparison comparison, MessageCatalogue? language = null) =>
        GeoPackageWriter.WriteFile(path, [.. comparison.Layouts.Select(LayoutLayer)], [Table(comparison, language ?? MessageCatalogue.English)]);

    public static string LayerName(ComparedLayout layout) => $"layout_{layout.Key.ToLowerInvariant()}";

    private static IEnumerable<string?> Leading(ComparisonRow r, MessageCatalogue catalogue) =>
        [r.Id, r.Measure.Render(catalogue), r.Unit, r.StatusLabel, r.BetterLabel];

    private static IEnumerable<string?> Trailing(LayoutComparison c, ComparisonRow r, MessageCatalogue catalogue) =>
        [string.Join(", ", r.Best.Select(i => c.Layouts[i].Key)), string.Join("; ", r.Differences.Select(d => d.Render(catalogue)))];

    private static string Number(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static GeoPackageAttributes Table(LayoutComparison c, MessageCatalogue catalogue)
    {
        var columns = new List<(string, string)> { ("measure_id", "TEXT"), ("measure", "TEXT"), ("unit", "TEXT"), ("status", "TEXT"), ("better", "TEXT") };
        columns.AddRange(c.Layouts.Select(l => ($"value_{l.Key.ToLowerInvariant()}", "REAL")));
        columns.AddRange([("best", "TEXT"), ("differences", "TEXT")]);
        var titles = string.Join("; ", c.Layouts.Select(ColumnTitle));
        return new GeoPackageAttributes("comparison", $"Layouts compared ({titles}); data {c.DataVersion}: {string.Join("; ", c.Attributions)}", columns,
            [.. c.Rows.Select(r => (object?[])[.. Leading(r, catalogue), .. r.Values.Select(v => (object?)v), .. Trailing(c, r, catalogue)])]);
    }

    /// <summary>A layout's plants and every dwelling its answer names (within the rings, or within reach of its noise or flicker), with their figures.</summary>
    private static GeoPackageLayer LayoutLayer(ComparedLayout layout)
    {
        var a = layout.Assessment;
        var noise = (a.Noise?.Dwellings ?? []).ToDictionary(n => n.Address.Id, StringComparer.Ordinal);
        var flicker = (layout.Flicker?.Dwellings ?? []).ToDictionary(f => f.Home.Id, StringComparer.Ordinal);
        var rows = new List<(Geometry, object?[])>();
        foreach (var p in a.Project.Plants)
        {
            rows.Add((p.Geometry, [layout.Key, "plant", p.Id, p.Id, p.Kind.ToString(), p.HubHeightM, p.RotorDiameterM, p.TotalHeightM, p.CapacityKw,
                null, null, null, null, null, null, null, null, null, null, null]));
        }
        var inRings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in a.Dwellings)
        {
            inRings.Add(d.Address.Id);
            rows.Add((d.Address.Position, [layout.Key, "dwelling", d.Address.Id, d.Address.Label, null, null, null, null, null,
                Math.Round(d.DistanceM, 2), d.MultipleOfH is { } k ? Math.Round(k, 3) : null, d.Ring.Rendered, d.NearestPlant.Id, d.Violation ? 1 : 0, d.SalesOption ? 1 : 0,
                Math.Round(d.VeBonusDkkPerYear, 2), d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk,
                .. Noise(noise.GetValueOrDefault(d.Address.Id)), Flicker(flicker.GetValueOrDefault(d.Address.Id))]));
        }
        var outside = noise.Values.Select(n => (n.Address.Id, n.Address.Label, (Geometry)n.Address.Position))
            .Concat(flicker.Values.Select(f => (f.Home.Id, f.Home.Label, (Geometry)f.Home.Position)))
            .Where(x => !inRings.Contains(x.Item1)).DistinctBy(x => x.Item1).OrderBy(x => x.Item1, StringComparer.Ordinal);
        foreach (var (id, label, position) in outside)
        {
            rows.Add((position, [layout.Key, "dwelling-beyond-rings", id, label, null, null, null, null, null, null, null, null, null, null, null, null, null,
                .. Noise(noise.GetValueOrDefault(id)), Flicker(flicker.GetValueOrDefault(id))]));
        }
        return new GeoPackageLayer(LayerName(layout), Reason.Of("export.layout", ("layout", ColumnTitle(layout)), ("permit", a.Permit.Why), ("version", a.DataVersion)).Rendered,
            "GEOMETRY",
            [("layout", "TEXT"), ("kind", "TEXT"), ("id", "TEXT"), ("label", "TEXT"), ("plant_kind", "TEXT"), ("hub_height_m", "REAL"), ("rotor_diameter_m", "REAL"),
             ("total_height_m", "REAL"), ("capacity_kw", "REAL"), ("distance_m", "REAL"), ("multiple_of_h", "REAL"), ("ring", "TEXT"), ("nearest_plant", "TEXT"),
             ("below_minimum_distance", "INTEGER"), ("sales_option", "INTEGER"), ("ve_bonus_dkk_per_year", "REAL"), ("loss_of_value_fee_dkk", "REAL"),
             ("noise_8ms_dba", "REAL"), ("noise_6ms_dba", "REAL"), ("flicker_expected_hours", "REAL")],
            rows);
    }

    private static object?[] Noise(Core.Noise.DwellingNoiseRow? n) => n is null || !double.IsFinite(n.Noise.Level8) ? [null, null] : [n.Noise.Level8, n.Noise.Level6];

    private static object? Flicker(Core.ShadowFlicker.DwellingShadowFlicker? f) => f is null ? null : Math.Round(f.Flicker.ExpectedHours, 2);
}
