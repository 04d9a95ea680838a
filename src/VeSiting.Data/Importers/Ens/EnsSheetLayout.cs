namespace VeSiting.Data.Importers.Ens;

/// <summary>Where a sheet's header row is, which column holds which field, and which columns hold a year's production.</summary>
internal sealed record EnsSheetLayout(int HeaderRowIndex, IReadOnlyDictionary<EnsField, int> Columns, IReadOnlyDictionary<int, int> ProductionYearColumns, IReadOnlyList<string> Headings)
{
    /// <summary>Rows searched for the header. Editions put it between row 1 and row 20 or so.</summary>
    private const int SearchRows = 80;

    /// <summary>
    /// Finds the header by content: the last row among the first rows that names every required field
    /// (the January 2022 edition has an English header in row 10 and the Danish one, which the data follows, in row 18).
    /// </summary>
    public static EnsSheetLayout? Find(IReadOnlyList<object?[]> rows, out string diagnosis)
    {
        EnsSheetLayout? found = null;
        var bestMissing = EnsHeaderVocabulary.Required.ToList();
        var bestRow = -1;
        for (var r = 0; r < Math.Min(rows.Count, SearchRows); r++)
        {
            var columns = new Dictionary<EnsField, int>();
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (EnsHeaderVocabulary.Recognise(CellText.Normalise(rows[r][c])) is { } field)
                    columns.TryAdd(field, c);
            }
            var missing = EnsHeaderVocabulary.Required.Where(f => !columns.ContainsKey(f)).ToList();
            if (missing.Count == 0)
                found = new EnsSheetLayout(r, columns, ProductionYears(rows, r, columns), rows[r].Select(v => CellText.Text(v) ?? "").ToList());
            else if (missing.Count < bestMissing.Count)
                (bestMissing, bestRow) = (missing, r);
        }
        diagnosis = found is not null ? "" : bestRow < 0
            ? $"no row in the first {SearchRows} names the register's columns (GSRN, capacity, rotor diameter, hub height, X and Y coordinates)"
            : $"no header row found; the closest, row {bestRow + 1}, lacks {string.Join(", ", bestMissing)}";
        return found;
    }

    /// <summary>
    /// Annual production columns: a year (1970–2100) in one of the three rows above the header,
    /// in a column whose heading is empty (the current, partial year is headed by its number and an "accumulated" label instead).
    /// </summary>
    private static Dictionary<int, int> ProductionYears(IReadOnlyList<object?[]> rows, int header, Dictionary<EnsField, int> columns)
    {
        var years = new Dictionary<int, int>();
        var attributeColumns = columns.Values.ToHashSet();
        for (var r = Math.Max(0, header - 3); r < header; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (attributeColumns.Contains(c) || !CellText.IsBlank(rows[header].ElementAtOrDefault(c)))
                    continue;
                if (CellText.TryNumber(rows[r][c], out var y) && y == Math.Floor(y) && y is >= 1970 and <= 2100)
                    years.TryAdd(c, (int)y);
            }
        }
        return years;
    }
}
