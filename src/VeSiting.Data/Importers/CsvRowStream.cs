using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using VeSiting.Core.Importing;

namespace VeSiting.Data.Importers;

/// <summary>
/// A CSV file read one record at a time, for files too large to hold as text (the national address file): the header
/// checked up front like <see cref="CsvTable"/> (whose cell readers it shares, through <see cref="Table"/>), the encoding
/// chosen by a first pass (UTF-8 with or without BOM, else Windows-1252 with a note), and the share of the file read so far.
/// </summary>
internal sealed class CsvRowStream : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly FileStream _file;
    private readonly StreamReader _reader;
    private readonly CsvReader _csv;
    private readonly string _sourceId;

    private CsvRowStream(FileStream file, StreamReader reader, CsvReader csv, CsvTable table, string sourceId)
    {
        (_file, _reader, _csv, Table, _sourceId) = (file, reader, csv, table, sourceId);
    }

    /// <summary>The header, column lookup and cell readers; its <see cref="CsvTable.Rows"/> stay empty.</summary>
    public CsvTable Table { get; }

    /// <summary>Share of the file's bytes read so far (0–1).</summary>
    public double Fraction => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    /// <summary>Opens the file and checks its header against the columns <paramref name="requiredColumns"/> chooses from it (layouts differ in names).</summary>
    public static CsvRowStream Open(string path, string sourceId, Func<string[], IReadOnlyList<string>> requiredColumns)
    {
        var file = Path.GetFileName(path);
        FileStream? stream = null;
        try
        {
            var utf8 = IsUtf8(path);
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            var reader = new StreamReader(stream, utf8 ? CsvTable.StrictUtf8 : CsvTable.Windows1252, detectEncodingFromByteOrderMarks: true, BufferSize);
            var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                BadDataFound = null,
                MissingFieldFound = null,
            });
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                throw new ImportFailedException(sourceId, file, "the file is empty: no header row");
            header = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            var table = new CsvTable(file, header, []);
            var missing = requiredColumns(header).Where(c => !table.Has(c)).ToList();
            if (missing.Count > 0)
                throw new ImportFailedException(sourceId, file, $"missing column(s) {string.Join(", ", missing)}; the header has {string.Join(", ", header)}");
            if (!utf8)
                table.FileIssues.Add(new ImportIssue(ImportIssueSeverity.Note, file, null, null, "not valid UTF-8; read as Windows-1252 (Excel's Danish CSV encoding)"));
            return new CsvRowStream(stream, reader, csv, table, sourceId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelperException)
        {
            stream?.Dispose();
            throw new ImportFailedException(sourceId, file, $"cannot read CSV: {e.Message}", e);
        }
        catch
        {
            stream?.Dispose();
            throw;
        }
    }

    /// <summary>Data records with their 1-based row number (the header is row 1; a quoted line break does not start a row).</summary>
    public IEnumerable<(int Row, string[] Cells)> Records()
    {
        while (true)
        {
            bool more;
            try
            {
                more = _csv.Read();
            }
            catch (Exception e) when (e is IOException or CsvHelperException)
            {
                throw new ImportFailedException(_sourceId, Table.File, $"cannot read CSV after row {_csv.Parser.Row - 1}: {e.Message}", e);
            }
            if (!more)
                yield break;
            yield return (_csv.Parser.Row, _csv.Parser.Record ?? []);
        }
    }

    /// <summary>One streaming pass: is the whole file valid UTF-8?</summary>
    private static bool IsUtf8(string path)
    {
        var decoder = CsvTable.StrictUtf8.GetDecoder();
        var bytes = new byte[BufferSize];
        var chars = new char[CsvTable.StrictUtf8.GetMaxCharCount(BufferSize)];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
        _file.Dispose();
    }
}
