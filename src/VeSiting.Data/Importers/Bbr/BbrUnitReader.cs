using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.Dar;

namespace VeSiting.Data.Importers.Bbr;

/// <summary>
/// BBR units (enheder) as published, for households per access address: Datafordeleren's BBR bulk download (one JSON
/// object of entity lists; its <c>EnhedList</c>, the other lists skipped) or a CSV of the same fields (the DAWA/BBR export,
/// any column order, UTF-8 with or without BOM). Fields used, as BBR names them: <c>id_lokalId</c> (the unit),
/// <c>status</c> (BBR lifecycle, <see cref="BbrUnitUse.Exists"/>), <c>enh020EnhedensAnvendelse</c> (use code,
/// <see cref="BbrUnitUse"/>), <c>adresseIdentificerer</c> (the DAR unit address, <c>Adresse</c> id, that reaches the unit),
/// and in the JSON <c>registreringTil</c>/<c>virkningTil</c> (set on versions no longer current, which are left out).
/// Units that no longer exist or are not yet built are skipped with a note of why; a unit without a unit address is
/// skipped too (it cannot be placed at an access address). A missing or unreadable status or use code is an error naming
/// file, row (JSON: the list and the item's place in it) and field.
/// </summary>
public sealed class BbrUnitReader
{
    public const string Units = "EnhedList";
    public const string Id = "id_lokalId", Status = "status", Use = "enh020EnhedensAnvendelse", UnitAddress = "adresseIdentificerer";
    private const string RegisteredTo = "registreringTil", EffectiveTo = "virkningTil";
    private static readonly string[] Fields = [Id, Status, Use, UnitAddress, RegisteredTo, EffectiveTo];

    public ImportResult<BbrUnit> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var units = new List<BbrUnit>();
        var issues = new List<ImportIssue>();
        if (File.Exists(path) && DarJsonReader.IsJson(path))
        {
            BulkJsonLists.Read(path, sourceId, "BBR bulk download", [Units], Fields, (_, item, fields, _) => Add(fields, file, item, Units, sourceId, units, issues));
            if (units.Count == 0 && issues.Count == 0)
                throw new ImportFailedException(sourceId, file, $"no current {Units} items: not a BBR bulk download with units (enheder)");
        }
        else
        {
            var (_, note) = CsvRowStream.ReadAll(path, sourceId, _ => [Id, Status, Use, UnitAddress], stream =>
            {
                // Run again from the start when the file turns out not to be UTF-8.
                units.Clear();
                issues.Clear();
                var columns = Fields[..4].ToDictionary(f => f, stream.IndexOf);
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var row in stream.Rows)
                {
                    foreach (var (name, index) in columns)
                        fields[name] = CsvRowStream.Cell(row, index).ToString();
                    Add(fields, file, CsvRowStream.RowNumber(row), null, sourceId, units, issues);
                }
                return 0;
            });
            if (note is not null)
                issues.Insert(0, note);
        }
        return new ImportResult<BbrUnit>(units, issues);
    }

    private static void Add(Dictionary<string, string?> f, string file, int row, string? sheet, string sourceId, List<BbrUnit> units, List<ImportIssue> issues)
    {
        string? Get(string name) => f.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (Get(RegisteredTo) is not null || Get(EffectiveTo) is not null)
            return;
        void Issue(ImportIssueSeverity severity, string field, Reason reason) => issues.Add(new ImportIssue(severity, file, row, field, reason, sheet));
        var status = Get(Status);
        var use = Get(Use);
        var before = issues.Count;
        if (status is null)
            Issue(ImportIssueSeverity.Error, Status, Reason.Of("import.missing"));
        if (use is null)
            Issue(ImportIssueSeverity.Error, Use, Reason.Of("import.missing"));
        var code = 0;
        if (use is not null && !int.TryParse(use, NumberStyles.None, CultureInfo.InvariantCulture, out code))
            Issue(ImportIssueSeverity.Error, Use, Reason.Of("import.bbr-not-use-code", ("value", use)));
        if (issues.Count > before)
            return;
        if (!BbrUnitUse.Exists(status))
        {
            Issue(ImportIssueSeverity.Skipped, Status, Reason.Of("import.bbr-not-existing", ("status", status ?? "")));
            return;
        }
        if (Get(UnitAddress) is not { } address)
        {
            Issue(ImportIssueSeverity.Skipped, UnitAddress, Reason.Of("import.bbr-no-unit-address"));
            return;
        }
        units.Add(new BbrUnit(Get(Id) ?? $"{file}:{row}", address, code, new RecordOrigin(sourceId, file, row, sheet)));
    }
}
