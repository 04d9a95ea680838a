using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// Skipped elements of an OSM file counted by reason, each reason one issue naming its count and first element, so a
/// national file's thousands of untagged corners or cut-off ways make a short report.
/// </summary>
internal sealed class OsmIssueTally(string file)
{
    private readonly Dictionary<string, (ImportIssueSeverity Severity, int Count, int Row, string Element, Reason Reason)> _byReason = new(StringComparer.Ordinal);

    public void Add(ImportIssueSeverity severity, Reason reason, int row, string element)
    {
        var key = reason.Text;
        _byReason[key] = _byReason.TryGetValue(key, out var known) ? known with { Count = known.Count + 1 } : (severity, 1, row, element, reason);
    }

    public IReadOnlyList<ImportIssue> Issues => _byReason
        .Select(p => new ImportIssue(p.Value.Severity, file, p.Value.Row, p.Value.Element,
            p.Value.Count == 1 ? p.Value.Reason : Reason.Of("import.osm-elements", ("count", p.Value.Count), ("reason", p.Value.Reason), ("first", p.Value.Element))))
        .ToList();
}
