using ExcelDataReader;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Tests.Importers.Ens;

/// <summary>
/// Builds small register editions from the real January 2022 workbook (obtained through the manifest into the cache):
/// each sheet's title and header block as published (English header in row 10, production years in row 17, Danish
/// header in row 18) and its first turbines that have coordinates, so every variant (another header language, sheet
/// order, park column, monthly production, text dates, each publisher error) starts from real rows. Read with
/// ExcelDataReader directly, not through the importer under test; written with <see cref="Fixtures.XlsxWriter"/>.
/// </summary>
public sealed class RealEditionSamples : IAsyncLifetime
{
    public const string ExistingSheet = "IkkeAfmeldte-Existing turbines";
    public const string DecommissionedSheet = "Afmeldte-Decommissioned";
    /// <summary>Turbines taken per sheet.</summary>
    public const int Turbines = 40;
    /// <summary>0-based index of the Danish header row (spreadsheet row 18); data follows it.</summary>
    public const int DanishHeader = 17;
    public const int EnglishHeader = 9;

    public IReadOnlyDictionary<string, List<object?[]>> Sheets { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var layout = ProjectLayout.Locate();
        var (manifest, fetcher) = DefaultData.Sources(layout, manifest: DefaultData.BuiltIn(layout));
        var path = (await fetcher.FetchAsync(manifest["ens-wind-register"])).CachedPath;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        var footers = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                for (var c = 0; c < values.Length; c++)
                    values[c] = reader.GetValue(c) is DateTime d ? DateOnly.FromDateTime(d) : reader.GetValue(c);
                rows.Add(values);
            }
            sheets[reader.Name] = Sample(rows);
            footers[reader.Name] = Footer(rows);
        } while (reader.NextResult());
        Sheets = sheets;
        Footers = footers;
    }

    /// <summary>Each sheet's rows after its last turbine, as published (the sum rows: "Sum af ikke-afmeldte anlæg …", "I alt"), blank ones left out.</summary>
    public IReadOnlyDictionary<string, List<object?[]>> Footers { get; private set; } = null!;

    private static List<object?[]> Footer(List<object?[]> rows)
    {
        var last = rows.FindLastIndex(r => r.Length > 0 && r[0] is string g && g.Length == 18 && g.All(char.IsAsciiDigit));
        return [.. rows.Skip(last + 1).Where(r => r.Any(c => c is not null && !(c is string t && string.IsNullOrWhiteSpace(t)))).Select(r => (object?[])r.Clone())];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The header block and the first turbines with both coordinates (columns found by the Danish headings).</summary>
    private static List<object?[]> Sample(List<object?[]> rows)
    {
        var header = rows[DanishHeader];
        var x = Column(header, "X (øst)");
        var y = Column(header, "Y (nord)");
        var data = rows.Skip(DanishHeader + 1)
            .Where(r => r[0] is string g && g.Length == 18 && r[x] is not null && r[y] is not null)
            .Take(Turbines);
        return [.. rows.Take(DanishHeader + 1).Select(r => (object?[])r.Clone()), .. data.Select(r => (object?[])r.Clone())];
    }

    public static int Column(object?[] header, string startsWith) =>
        Array.FindIndex(header, h => h is string s && s.StartsWith(startsWith, StringComparison.Ordinal)) is var i and >= 0
            ? i : throw new InvalidOperationException($"no column headed '{startsWith}…'");

    /// <summary>Copies of both sheets' rows, for a variant to change.</summary>
    public (List<object?[]> Existing, List<object?[]> Decommissioned) Copy() =>
        (Sheets[ExistingSheet].Select(r => (object?[])r.Clone()).ToList(), Sheets[DecommissionedSheet].Select(r => (object?[])r.Clone()).ToList());

    /// <summary>Spreadsheet row (1-based) of the i-th turbine (0-based) of a sample sheet.</summary>
    public static int RowOf(int turbine) => DanishHeader + 2 + turbine;

    public static byte[] Workbook(params (string Name, List<object?[]> Rows)[] sheets) =>
        Fixtures.XlsxWriter.Write(sheets.Select(s => (s.Name, s.Rows.ToArray())).ToArray());
}
