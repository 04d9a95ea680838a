using CsvHelper;
using CsvHelper.Configuration;

namespace VeSiting.Data.Exports;

/// <summary>
/// How VeSiting writes CSV (exports, API downloads, CLI output): CsvHelper with the invariant culture, commas, "\n"
/// line ends, and quotes where RFC 4180 needs them (a comma, quote or line break in the field).
/// </summary>
public static class CsvOutput
{
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static CsvWriter Writer(TextWriter writer, bool leaveOpen = false) => new(writer, Configuration, leaveOpen);

    /// <summary>The fields of one row, without ending it (NextRecord / NextRecordAsync ends it).</summary>
    public static void WriteFields(this CsvWriter csv, params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields)
            csv.WriteField(field);
    }

    /// <summary>A whole document held in memory: a header and rows, for small downloads.</summary>
    public static string Document(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Writer(text, leaveOpen: true))
        {
            foreach (var name in header)
                csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                    csv.WriteField(field);
                csv.NextRecord();
            }
        }
        return text.ToString();
    }
}
