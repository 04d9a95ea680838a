using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using VeSiting.Core.Importing;

namespace VeSiting.Data.Importers;

/// <summary>
/// A CSV file read as a header plus rows of text, with the required columns checked up front
/// (a missing column fails the whole file, naming it and the columns found).
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, string[] header, List<(int Row, string[] Cells)> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (h.Trim(), i)).GroupBy(c => c.Item1, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
    }

    public string File { get; }
    public string[] Header { get; }
    /// <summary>Data rows with their 1-based row number in the file (the header is row 1).</summary>
    public List<(int Row, string[] Cells)> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public string? Get(string[] cells, string column) =>
        _columns.TryGetValue(column, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;

    public static CsvTable Read(string path, string sourceId, params string[] requiredColumns)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                BadDataFound = null,
                MissingFieldFound = null,
            });
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                throw new ImportFailedException(sourceId, file, "the file is empty: no header row");
            var table = new CsvTable(file, header, []);
            var missing = requiredColumns.Where(c => !table.Has(c)).ToList();
            if (missing.Count > 0)
                throw new ImportFailedException(sourceId, file,
                    $"missing column(s) {string.Join(", ", missing)}; the header has {string.Join(", ", header)}");
            while (csv.Read())
                table.Rows.Add((csv.Parser.Row, csv.Parser.Record ?? []));
            return table;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelperException)
        {
            throw new ImportFailedException(sourceId, file, $"cannot read CSV: {e.Message}", e);
        }
    }

    /// <summary>A required text cell; records an error and returns null when blank.</summary>
    public string? Required(string[] cells, int row, string column, List<ImportIssue> issues)
    {
        var value = Get(cells, column);
        if (value is null)
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, "value is missing"));
        return value;
    }

    /// <summary>A required number; records an error naming the value when blank or not a number.</summary>
    public double? RequiredNumber(string[] cells, int row, string column, List<ImportIssue> issues)
    {
        var value = Get(cells, column);
        if (value is null)
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, "value is missing"));
            return null;
        }
        if (CellText.TryNumber(value, out var number))
            return number;
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, $"'{value}' is not a number"));
        return null;
    }

    /// <summary>An optional number: null when blank, an error when present but not a number.</summary>
    public double? OptionalNumber(string[] cells, int row, string column, List<ImportIssue> issues)
    {
        var value = Get(cells, column);
        if (value is null || value.Equals("nan", StringComparison.OrdinalIgnoreCase))
            return null;
        if (CellText.TryNumber(value, out var number))
            return number;
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, $"'{value}' is not a number"));
        return null;
    }
}
