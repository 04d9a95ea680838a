using CsvHelper;
using CsvHelper.Configuration;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers;

/// <summary>
/// A CSV file read as a header plus rows of text, with the required columns checked up front
/// (a missing column fails the whole file, naming it and the columns found).
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    internal CsvTable(string file, string[] header, List<(int Row, string[] Cells)> rows)
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

    /// <summary>File-level notes, such as the text encoding having been taken as Windows-1252.</summary>
    public List<ImportIssue> FileIssues { get; } = [];

    public bool Has(string column) => _columns.ContainsKey(column);

    public string? Get(string[] cells, string column) =>
        _columns.TryGetValue(column, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;

    /// <summary>
    /// Reads the file as UTF-8 (with or without BOM); a file that is not valid UTF-8 is read again as Windows-1252,
    /// the encoding Danish Excel uses for "CSV (semikolonsepareret)", and a note says so.
    /// </summary>
    public static CsvTable Read(string path, string sourceId, params string[] requiredColumns)
    {
        try
        {
            return Read(path, sourceId, StrictUtf8, requiredColumns);
        }
        catch (ImportFailedException e) when (e.InnerException is DecoderFallbackException)
        {
            var table = Read(path, sourceId, Windows1252, requiredColumns);
            table.FileIssues.Add(new ImportIssue(ImportIssueSeverity.Note, table.File, null, null,
                Reason.Of("import.not-utf8")));
            return table;
        }
    }

    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    private static CsvTable Read(string path, string sourceId, Encoding encoding, string[] requiredColumns)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelperException or DecoderFallbackException)
        {
            throw new ImportFailedException(sourceId, file, $"cannot read CSV: {e.Message}", e is CsvHelperException { InnerException: DecoderFallbackException d } ? d : e);
        }
    }

    /// <summary>A required text cell; records an error and returns null when blank.</summary>
    public string? Required(string[] cells, int row, string column, List<ImportIssue> issues)
    {
        var value = Get(cells, column);
        if (value is null)
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, Reason.Of("import.missing")));
        return value;
    }

    /// <summary>A required number; records an error naming the value when blank or not a number.</summary>
    public double? RequiredNumber(string[] cells, int row, string column, List<ImportIssue> issues)
    {
        var value = Get(cells, column);
        if (value is null)
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, Reason.Of("import.missing")));
            return null;
        }
        if (CellText.TryNumber(value, out var number))
            return number;
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, Reason.Of("import.not-number", ("value", value))));
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
        issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, row, column, Reason.Of("import.not-number", ("value", value))));
        return null;
    }
}
