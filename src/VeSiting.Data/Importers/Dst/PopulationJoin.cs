using VeSiting.Core.Explanations;
namespace VeSiting.Data.Importers.Dst;

/// <summary>
/// Joins Statistics Denmark rows (keyed by name) to DAGI municipalities (keyed by code). Names match
/// case-insensitively, with or without " Kommune", or through the alias table. A name that matches no
/// municipality is an error — never a silent zero.
/// </summary>
public static class PopulationJoin
{
    public static ImportResult<MunicipalityPopulation> Join(IReadOnlyList<DstPopulationRow> rows, IReadOnlyList<AdminArea> municipalities, MunicipalityNameAliases aliases)
    {
        var byName = municipalities.ToDictionary(m => Key(m.Name), m => m, StringComparer.OrdinalIgnoreCase);
        var byCode = municipalities.ToDictionary(m => m.Code, m => m);
        var issues = new List<ImportIssue>();
        var joined = new List<MunicipalityPopulation>();
        foreach (var row in rows)
        {
            var municipality = byName.GetValueOrDefault(Key(row.AreaName))
                ?? (aliases.Aliases.TryGetValue(row.AreaName.Trim(), out var code) ? byCode.GetValueOrDefault(code) : null);
            if (municipality?.NumericCode is not { } numeric)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, row.Origin.File, row.Origin.Row, "OMRÅDE",
                    Reason.Of("import.dst-no-municipality", ("name", row.AreaName), ("file", $"geodata/{MunicipalityNameAliases.FileName}"))));
                continue;
            }
            joined.Add(new MunicipalityPopulation(numeric, municipality.Name, row.Period, row.Population, row.Origin));
        }
        foreach (var twice in joined.GroupBy(p => (p.MunicipalityCode, p.Period)).Where(g => g.Count() > 1))
        {
            foreach (var extra in twice.Skip(1))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, extra.Origin.File, extra.Origin.Row, "OMRÅDE",
                    Reason.Of("import.dst-twice", ("code", twice.Key.MunicipalityCode), ("name", extra.MunicipalityName), ("period", twice.Key.Period),
                        ("row", twice.First().Origin.Row))));
        }
        return new ImportResult<MunicipalityPopulation>(joined, issues);
    }

    private static string Key(string name)
    {
        var n = name.Trim();
        return n.EndsWith(" Kommune", StringComparison.OrdinalIgnoreCase) ? n[..^" Kommune".Length].Trim() : n;
    }
}
