using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Ens;
using static VeSiting.Data.Tests.Importers.Ens.RealEditionSamples;

namespace VeSiting.Data.Tests.Importers.Ens;

/// <summary>
/// Every layout the register is published in (#26): footer, total, legend and note rows inside or after the table
/// (text in the GSRN column, empty elsewhere), blank separator rows and a repeated header row, in either sheet. Each
/// variant is the real sample (<see cref="RealEditionSamples"/>) with the rows written into it: they are recognised as
/// layout, listed as notes with sheet and row, and neither fail the import nor count as errors or publisher errors.
/// </summary>
public sealed class RealEditionLayoutRowTests(RealEditionSamples samples) : IClassFixture<RealEditionSamples>
{
    private const string Note = "Kilde: Energistyrelsen. Data kan ændre sig; se ens.dk for den seneste udgave.";
    private const string Legend = "* Vindmøller uden koordinater kan ikke placeres på kort";

    private static object?[] TextInGsrnColumn(int width, string text)
    {
        var row = new object?[width];
        row[0] = text; // the GSRN column is the sample's first (A)
        return row;
    }

    /// <summary>
    /// Writes one class of layout rows into a copy of the sheet and returns the spreadsheet rows (1-based) they are in and
    /// the words the report's note must hold. Inside the table: before the (0-based) 10th turbine, at list index 18 + 10.
    /// </summary>
    private (List<object?[]> Rows, int[] LayoutRows, string Says) Variant(string sheet, string layout)
    {
        var rows = sheet == ExistingSheet ? samples.Copy().Existing : samples.Copy().Decommissioned;
        var width = rows[DanishHeader].Length;
        var inside = DanishHeader + 1 + 10;
        var after = rows.Count;
        switch (layout)
        {
            case "real footer rows":
                var footer = samples.Footers[sheet];
                Assert.NotEmpty(footer); // the January 2022 edition ends each sheet with its sum rows
                rows.AddRange(footer.Select(r => (object?[])r.Clone()));
                return (rows, [.. Enumerable.Range(after + 1, footer.Count)], "total");
            case "note after the table":
                rows.Add(TextInGsrnColumn(width, Note));
                return (rows, [after + 1], "note");
            case "legend inside the table":
                rows.Insert(inside, TextInGsrnColumn(width, Legend));
                return (rows, [inside + 1], "note");
            case "blank separator rows inside the table":
                rows.Insert(inside, new object?[width]);
                rows.Insert(inside, new object?[width]);
                return (rows, [inside + 1], "blank");
            case "repeated header row inside the table":
                rows.Insert(inside, (object?[])rows[DanishHeader].Clone());
                return (rows, [inside + 1], "header");
            case "total row inside the table":
                var total = new object?[width];
                total[0] = "I alt";
                total[Column(rows[DanishHeader], "Kapacitet")] = 12345.0;
                rows.Insert(inside, total);
                return (rows, [inside + 1], "total");
            default:
                throw new ArgumentException(layout);
        }
    }

    public static TheoryData<string, string> Layouts()
    {
        var data = new TheoryData<string, string>();
        foreach (var sheet in new[] { ExistingSheet, DecommissionedSheet })
            foreach (var layout in new[] { "real footer rows", "note after the table", "legend inside the table", "blank separator rows inside the table", "repeated header row inside the table", "total row inside the table" })
                data.Add(sheet, layout);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_rows_are_listed_with_sheet_and_row_and_never_fail_or_count(string sheet, string layout)
    {
        var (rows, layoutRows, says) = Variant(sheet, layout);
        var (existing, decommissioned) = samples.Copy();
        var workbook = sheet == ExistingSheet
            ? Workbook((ExistingSheet, rows), (DecommissionedSheet, decommissioned))
            : Workbook((ExistingSheet, existing), (DecommissionedSheet, rows));

        var result = new EnsWindRegisterReader().Read(new MemoryStream(workbook), "edition.xlsx", "ens");

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Where(i => i.Severity == ImportIssueSeverity.Error)));
        Assert.DoesNotContain(result.Issues, i => i.Severity == ImportIssueSeverity.Skipped);
        Assert.Equal(Turbines, result.Records.Count(p => p.Status == PlantStatus.Operating));
        Assert.Equal(Turbines, result.Records.Count(p => p.Status == PlantStatus.Decommissioned));
        var listed = result.Issues.Where(i => i.Severity == ImportIssueSeverity.Note && i.Reason.Contains("layout", StringComparison.Ordinal)).ToList();
        Assert.Equal(layoutRows.Select(r => (sheet, (int?)r)), listed.Select(i => (i.Sheet!, i.Row)));
        Assert.All(listed, i => Assert.Contains(says, i.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_turbine_data_but_no_gsrn_is_still_an_error()
    {
        var (existing, decommissioned) = samples.Copy();
        existing[DanishHeader + 1 + 5][0] = "Vindmølle ved Høng"; // text where the GSRN belongs, the rest a turbine's data

        var result = new EnsWindRegisterReader().Read(new MemoryStream(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned))), "edition.xlsx", "ens");

        var error = Assert.Single(result.Issues, i => i.Severity == ImportIssueSeverity.Error);
        Assert.Equal((ExistingSheet, RowOf(5)), (error.Sheet, error.Row));
        Assert.Contains("not a GSRN", error.Reason, StringComparison.Ordinal);
    }
}
