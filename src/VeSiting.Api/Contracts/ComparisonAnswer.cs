using System.Text.Json.Serialization;
using VeSiting.Core.Assessments.Comparison;

namespace VeSiting.Api.Contracts;

/// <summary>One layout of a comparison: its column key, name, where it came from (a saved project's id), and its headline figures.</summary>
public sealed record ComparedLayoutDto(string Key, string Name, string? Project, string Permit, int Plants, double CapacityMw, string DataVersion)
{
    /// <summary>The layout's plants, rings and dwellings as GeoJSON (as <c>POST /api/assess/project?format=geojson</c>), when asked for with <c>features=true</c>.</summary>
    [JsonPropertyName("features"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? FeaturesGeoJson { get; init; }
}

/// <summary>
/// One measure across the layouts: <c>measure</c> in words (and as a reason with its code), its unit, its status (law, proposal,
/// estimate; <c>layout</c> for the layout's own figures), which direction is better, a value per layout (null: not assessed),
/// the keys of the layouts with the best value, and the differences as reasons.
/// </summary>
public sealed record ComparisonRowDto(string Id, string Measure, Reason MeasureReason, string Unit, string Status, string Better, IReadOnlyList<double?> Values,
    IReadOnlyList<string> Best, IReadOnlyList<Reason> Differences)
{
    /// <summary><see cref="Unit"/>, <see cref="Status"/> and <see cref="Better"/> (which stay English, as keys) as words of the request's language.</summary>
    public Reason? UnitReason { get; init; }

    public Reason? StatusReason { get; init; }

    public Reason? BetterReason { get; init; }
}

/// <summary>Two to five layouts side by side: the table, the differences in words, and the rules and data behind every figure.</summary>
public sealed record ComparisonAnswer(
    IReadOnlyList<ComparedLayoutDto> Layouts,
    IReadOnlyList<ComparisonRowDto> Rows,
    IReadOnlyList<Reason> Differences,
    ProvenanceDto Provenance,
    IReadOnlyList<string> Attribution,
    string DataVersion)
{
    public static ComparisonAnswer Of(LayoutComparison c, IReadOnlyList<string?> projectIds, Func<ComparedLayout, JsonElement?>? features = null) => new(
        [.. c.Layouts.Select((l, i) => new ComparedLayoutDto(l.Key, l.Name, projectIds.ElementAtOrDefault(i), l.Assessment.Permit.Why.Rendered, l.Assessment.Project.Plants.Count,
            Math.Round(l.Assessment.TotalCapacityKw / 1000, 3), l.Assessment.DataVersion) { FeaturesGeoJson = features?.Invoke(l) })],
        [.. c.Rows.Select(r => new ComparisonRowDto(r.Id, r.Measure.Rendered, r.Measure, r.Unit, r.StatusLabel, r.BetterLabel, r.Values,
            [.. r.Best.Select(i => c.Layouts[i].Key)], r.Differences) { UnitReason = r.UnitWord, StatusReason = r.StatusWord, BetterReason = r.BetterWord })],
        [.. c.Differences],
        Merged([c.Provenance, .. c.Layouts.Select(l => l.Assessment.Provenance), .. c.Layouts.Select(l => l.Flicker?.Provenance).OfType<Core.Rules.Provenance>(),
            .. c.Layouts.Select(l => l.Assessment.Noise?.Provenance).OfType<Core.Rules.Provenance>()]),
        c.Attributions,
        c.DataVersion);

    /// <summary>The rule sets, unconfirmed and reported values and assumptions of every part, each once.</summary>
    private static ProvenanceDto Merged(IEnumerable<Core.Rules.Provenance> parts)
    {
        var all = parts.Select(ProvenanceDto.Of).ToList();
        return new ProvenanceDto([.. all.SelectMany(p => p.RuleSets).Distinct()], [.. all.SelectMany(p => p.Unconfirmed).Distinct()],
            [.. all.SelectMany(p => p.Reported).Distinct()], [.. all.SelectMany(p => p.Assumptions).Distinct()], ProvenanceDto.StatusLegend);
    }
}
