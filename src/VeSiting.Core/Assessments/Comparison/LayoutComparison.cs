namespace VeSiting.Core.Assessments.Comparison;

/// <summary>
/// Two to five layouts side by side: one row per measure, a column per layout, the best value of each row marked, and every
/// difference explained as a reason. Built from the layouts' project answers by <see cref="LayoutComparer"/>, never by
/// assessing anything again.
/// </summary>
public sealed record LayoutComparison(IReadOnlyList<ComparedLayout> Layouts, IReadOnlyList<ComparisonRow> Rows, Provenance Provenance)
{
    /// <summary>Every row's differences, in row order.</summary>
    public IEnumerable<Reason> Differences => Rows.SelectMany(r => r.Differences);

    public ComparisonRow Row(string id) => Rows.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"no comparison row '{id}'");

    /// <summary>The data versions and attributions of the layouts' answers (one each when they come from the same data).</summary>
    public IReadOnlyList<string> Attributions => [.. Layouts.SelectMany(l => l.Assessment.Attributions).Distinct()];

    public string DataVersion => string.Join(", ", Layouts.Select(l => l.Assessment.DataVersion).Distinct());
}
