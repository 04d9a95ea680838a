using System.Text.RegularExpressions;

namespace VeSiting.Data.Importers.Ens;

/// <summary>
/// Where a sheet's header row is, which column holds which field, and which columns hold production: a year's
/// (yearly editions) or a month's (monthly editions, summed into the years all of whose months the sheet has).
/// </summary>
internal sealed partial record EnsSheetLayout(int HeaderRowIndex, IReadOnlyDictionary<EnsField, int> Columns, IReadOnlyDictionary<int, int> ProductionYearColumns,
    IReadOnlyList<string> Headings)
{
    /// <summary>Rows searched for the header. Editions put it between row 1 and row 20 or so.</summary>
    private const int SearchRows = 80;

    /// <summary>Monthly production columns: column → (year, month). Only years with all twelve months are listed.</summary>
    public IReadOnlyDictionary<int, (int Year, int Month)> ProductionMonthColumns { get; init; } = new Dictionary<int, (int, int)>();

    /// <summary>
    /// Finds the header by content: the last row among the first rows that names every required field
    /// (the January 2022 edition has an English header in row 10 and the Danish one, which the data follows, in row 18).
    /// The search ends at the first turbine row: a header repeated inside the table is layout, not the header.
    /// </summary>
    public static EnsSheetLayout? Find(IReadOnlyList<object?[]> rows, out string diagnosis)
    {
        EnsSheetLayout? found = null;
        var bestMissing = EnsHeaderVocabulary.Required.ToList();
        var bestRow = -1;
        for (var r = 0; r < Math.Min(rows.Count, SearchRows); r++)
        {
            if (found is not null && found.Columns[EnsField.Gsrn] < rows[r].Length
                && CellText.Text(rows[r][found.Columns[EnsField.Gsrn]]) is { Length: 18 } gsrn && gsrn.All(char.IsAsciiDigit))
                break;
            var columns = new Dictionary<EnsField, int>();
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (EnsHeaderVocabulary.Recognise(CellText.Normalise(rows[r][c])) is { } field)
                    columns.TryAdd(field, c);
            }
            var missing = EnsHeaderVocabulary.Required.Where(f => !columns.ContainsKey(f)).ToList();
            if (missing.Count == 0)
            {
                found = new EnsSheetLayout(r, columns, ProductionYears(rows, r, columns), rows[r].Select(v => CellText.Text(v) ?? "").ToList())
                {
                    ProductionMonthColumns = ProductionMonths(rows, r, columns),
                };
            }
            else if (missing.Count < bestMissing.Count)
            {
                (bestMissing, bestRow) = (missing, r);
            }
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

    /// <summary>
    /// Monthly production columns: a month heading ("2021-01", "2021M01", "jan 2021", "januar-21" or a date cell) in the
    /// header row or one of the three rows above it. Years with fewer than twelve month columns (the current year) are left out.
    /// </summary>
    private static Dictionary<int, (int Year, int Month)> ProductionMonths(IReadOnlyList<object?[]> rows, int header, Dictionary<EnsField, int> columns)
    {
        var months = new Dictionary<int, (int Year, int Month)>();
        var attributeColumns = columns.Values.ToHashSet();
        for (var r = Math.Max(0, header - 3); r <= header; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (!attributeColumns.Contains(c) && Month(rows[r][c]) is { } month)
                    months.TryAdd(c, month);
            }
        }
        var complete = months.Values.GroupBy(m => m.Year).Where(g => g.Select(m => m.Month).Distinct().Count() == 12).Select(g => g.Key).ToHashSet();
        return months.Where(m => complete.Contains(m.Value.Year)).ToDictionary(m => m.Key, m => m.Value);
    }

    /// <summary>First three letters of month names in Danish and English.</summary>
    private static readonly Dictionary<string, int> MonthNames = new()
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["maj"] = 5,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["okt"] = 10,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    private static (int Year, int Month)? Month(object? cell)
    {
        if (cell is DateTime date)
            return (date.Year, date.Month);
        var text = CellText.Normalise(cell);
        if (NumericMonth().Match(text) is { Success: true } numeric)
            return Valid(int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture));
        if (NamedMonth().Match(text) is { Success: true } named && MonthNames.TryGetValue(named.Groups[1].Value[..3], out var month))
        {
            var year = int.Parse(named.Groups[2].Value, CultureInfo.InvariantCulture);
            return Valid(year < 100 ? 2000 + year : year, month);
        }
        return null;
    }

    private static (int, int)? Valid(int year, int month) => year is >= 1970 and <= 2100 && month is >= 1 and <= 12 ? (year, month) : null;

    [GeneratedRegex(@"^(\d{4})\s*(?:-|/|m|\.)\s*(\d{1,2})$")]
    private static partial Regex NumericMonth();

    [GeneratedRegex(@"^([a-zæøå]{3,9})\.?[\s\-]*(\d{2}|\d{4})$")]
    private static partial Regex NamedMonth();
}
