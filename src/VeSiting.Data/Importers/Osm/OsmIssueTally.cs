namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// Skipped elements of an OSM file counted by reason, each reason one issue naming its count and first element, so a
/// national file's thousands of untagged corners or cut-off ways make a short report.
/// </summary>
internal sealed class OsmIssueTally(string file)
{
    private readonly Dictionary<string, (ImportIssueSeverity Severity, int Count, int Row, string Element)> _byReason = new(StringComparer.Ordinal);

    public void Add(ImportIssueSeverity severity, string reason, int row, string element)
    {
        _byReason[reason] = _byReason.TryGetValue(reason, out var known) ? known with { Count = known.Count + 1 } : (severity, 1, row, element);
    }

    public IReadOnlyList<ImportIssue> Issues => _byReason
        .Select(p => new ImportIssue(p.Value.Severity, file, p.Value.Row, p.Value.Element,
            p.Value.Count == 1 ? p.Key : $"{p.Value.Count:N0} elements: {p.Key} (the first: {p.Value.Element})"))
        .ToList();
}
