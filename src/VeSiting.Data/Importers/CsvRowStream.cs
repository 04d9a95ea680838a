using nietras.SeparatedValues;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers;

/// <summary>
/// A CSV file read one record at a time as spans (Sep), for files too large to hold as text (the national address
/// file, millions of rows): no string is made for a cell unless the caller keeps it. The header is checked up front;
/// the separator is detected from it (comma, semicolon, tab, pipe); quoted cells are unescaped; the text is read as
/// strict UTF-8 (with or without BOM) and, when that fails anywhere, the whole read is repeated as Windows-1252 with
/// a note (<see cref="ReadAll{T}"/>).
/// </summary>
internal sealed class CsvRowStream : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly FileStream _file;
    private readonly SepReader _reader;
    private readonly Dictionary<string, int> _columns;

    private CsvRowStream(string file, FileStream stream, SepReader reader, string[] header)
    {
        (File, _file, _reader, Header) = (file, stream, reader, header);
        _columns = header.Select((h, i) => (h, i)).GroupBy(c => c.h, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
    }

    public string File { get; }
    public string[] Header { get; }

    /// <summary>Share of the file's bytes read so far (0–1).</summary>
    public double Fraction => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The column's index, or -1 when the header lacks it.</summary>
    public int IndexOf(string? column) => column is not null && _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The records; each row's spreadsheet row number is <see cref="RowNumber"/> (a quoted line break does not start a row).</summary>
    public SepReader Rows => _reader;

    /// <summary>1-based row number as a spreadsheet shows it: the header is row 1.</summary>
    public static int RowNumber(SepReader.Row row) => row.RowIndex + 1;

    /// <summary>The trimmed cell, empty when the row is too short or the column is absent.</summary>
    public static ReadOnlySpan<char> Cell(SepReader.Row row, int column) =>
        column >= 0 && column < row.ColCount ? row[column].Span.Trim() : [];

    /// <summary>A number in invariant ("21.4") or Danish ("21,4") form, as <see cref="CellText.TryNumber"/> reads text.</summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out double number)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
            return true;
        if (!text.Contains('.') && double.TryParse(text, NumberStyles.Float, CellText.DanishCulture, out number) && double.IsFinite(number))
            return true;
        number = 0;
        return false;
    }

    /// <summary>
    /// Opens the file, checks its header against the columns <paramref name="requiredColumns"/> chooses from it, and
    /// runs <paramref name="read"/> over it; when the file is not valid UTF-8, runs it again over the file read as
    /// Windows-1252 (Excel's Danish CSV encoding) and returns the note saying so with the result.
    /// </summary>
    public static (T Result, ImportIssue? EncodingNote) ReadAll<T>(string path, string sourceId, Func<string[], IReadOnlyList<string>> requiredColumns, Func<CsvRowStream, T> read)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var stream = Open(path, sourceId, CsvTable.StrictUtf8, requiredColumns);
            return (read(stream), null);
        }
        catch (Exception e) when (IsDecoding(e))
        {
            using var stream = Open(path, sourceId, CsvTable.Windows1252, requiredColumns);
            return (read(stream), new ImportIssue(ImportIssueSeverity.Note, file, null, null, Reason.Of("import.not-utf8")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            throw new ImportFailedException(sourceId, file, $"cannot read CSV: {e.Message}", e);
        }
    }

    private static bool IsDecoding(Exception e) =>
        e is DecoderFallbackException || e.InnerException is DecoderFallbackException || e is ImportFailedException { InnerException: DecoderFallbackException };

    private static CsvRowStream Open(string path, string sourceId, Encoding encoding, Func<string[], IReadOnlyList<string>> requiredColumns)
    {
        var file = Path.GetFileName(path);
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, BufferSize);
            var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).From(text);
            var header = reader.Header.ColNames.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            if (header.Length == 0 || header is [""])
                throw new ImportFailedException(sourceId, file, "the file is empty: no header row");
            var opened = new CsvRowStream(file, stream, reader, header);
            var missing = requiredColumns(header).Where(c => !opened.Has(c)).ToList();
            if (missing.Count == 0)
                return opened;
            opened.Dispose();
            throw new ImportFailedException(sourceId, file, $"missing column(s) {string.Join(", ", missing)}; the header has {string.Join(", ", header)}");
        }
        catch
        {
            stream?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
