using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Ens;
using static VeSiting.Data.Tests.Importers.Ens.RealEditionSamples;

namespace VeSiting.Data.Tests.Importers.Ens;

/// <summary>
/// Register editions as published across the years, built from real rows (<see cref="RealEditionSamples"/>): header
/// language, sheet order, park relation, monthly production, text dates, and every class of publisher error.
/// </summary>
public sealed class RealEditionVariantTests(RealEditionSamples samples) : IClassFixture<RealEditionSamples>
{
    private static ImportResult<Plant> Read(byte[] workbook) =>
        new EnsWindRegisterReader().Read(new MemoryStream(workbook), "edition.xlsx", "ens");

    private static IEnumerable<(string, PlantStatus, double, double)> Positions(ImportResult<Plant> result) =>
        result.Records.Select(p => (p.Id, p.Status, Math.Round(p.Geometry.Coordinate.X, 2), Math.Round(p.Geometry.Coordinate.Y, 2)));

    private ImportResult<Plant> Baseline()
    {
        var (existing, decommissioned) = samples.Copy();
        return Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned)));
    }

    [Fact]
    public void The_real_sample_reads_every_turbine_as_published()
    {
        var (existing, _) = samples.Copy();
        var result = Baseline();

        Assert.False(result.HasErrors);
        Assert.Equal(2 * Turbines, result.Records.Count);
        var first = existing[DanishHeader + 1];
        var x = Column(existing[DanishHeader], "X (øst)");
        var plant = result.Records[0];
        Assert.Equal(((string)first[0]!, Convert.ToDouble(first[x]!)), (plant.Id, Math.Round(plant.Geometry.Coordinate.X, 2)));
        Assert.DoesNotContain(result.Issues, i => i.Severity == ImportIssueSeverity.Skipped);
    }

    [Fact]
    public void An_edition_with_only_the_english_header_and_the_sheets_swapped_reads_the_same_turbines()
    {
        var (existing, decommissioned) = samples.Copy();
        static List<object?[]> EnglishOnly(List<object?[]> rows) => [.. rows.Take(EnglishHeader + 1), .. rows.Skip(DanishHeader + 1)];

        var result = Read(Workbook((DecommissionedSheet, EnglishOnly(decommissioned)), (ExistingSheet, EnglishOnly(existing))));

        Assert.False(result.HasErrors);
        Assert.Equal(Positions(Baseline()).OrderBy(p => p), Positions(result).OrderBy(p => p));
    }

    [Fact]
    public void A_park_column_becomes_the_register_project()
    {
        var (existing, decommissioned) = samples.Copy();
        static object?[] With(object?[] row, object? value) => [.. row, value];
        existing = existing.Select((r, i) => i == DanishHeader ? With(r, "Park-ID")
            : i == DanishHeader + 1 || i == DanishHeader + 2 ? With(r, "Vindpark Nord")
            : With(r, null)).ToList();

        var result = Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned)));

        Assert.Equal([("Vindpark Nord", ProjectBasis.Register), ("Vindpark Nord", ProjectBasis.Register), (null, null)],
            result.Records.Take(3).Select(p => (p.ProjectId, p.ProjectBasis)));
    }

    [Fact]
    public void Monthly_production_is_summed_into_years_with_all_twelve_months()
    {
        var (existing, decommissioned) = samples.Copy();
        existing[DanishHeader - 1] = []; // a monthly edition has no row of production years above the header
        // Twelve months of 2021 (100 + 200 + … + 1200 kWh = 7,800) and two of 2022 (a partial year, left out).
        string[] headings = [.. Enumerable.Range(1, 12).Select(m => $"2021-{m:00}"), "jan 2022", "feb 2022"];
        existing = existing.Select((r, i) => i == DanishHeader ? (object?[])[.. r, .. headings]
            : i > DanishHeader ? [.. r, .. Enumerable.Range(1, 12).Select(m => (object?)(m * 100.0)), 5.0, 6.0]
            : r).ToList();

        var plant = Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned))).Records[0];

        Assert.Equal(7_800, plant.AnnualProductionKwh[2021]);
        Assert.Equal([2021], plant.AnnualProductionKwh.Keys);
    }

    [Fact]
    public void Dates_written_as_text_read_as_the_same_dates()
    {
        var (existing, decommissioned) = samples.Copy();
        var date = Column(existing[DanishHeader], "Dato for oprindelig");
        var expected = existing.Skip(DanishHeader + 1).Select(r => (DateOnly?)r[date]).ToList();
        foreach (var row in existing.Skip(DanishHeader + 1))
            row[date] = row[date] is DateOnly d ? d.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture) : row[date];

        var result = Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned)));

        Assert.Equal(expected, result.Records.Where(p => p.Status == PlantStatus.Operating).Select(p => p.ConnectedOn));
    }

    public static TheoryData<string, object?, object?, string, string> PublisherErrors => new()
    {
        { "placeholder (0, 0)", 0.0, 0.0, "X (øst)", "placeholder coordinates" },
        { "placeholder (1, 1)", 1.0, 1.0, "X (øst)", "placeholder coordinates" },
        { "outside Denmark", 100000.0, 100000.0, "X (øst)", "outside Denmark" },
        { "scaled by 100", "×100", "×100", "X (øst)", "scaled by 100" },
        { "axes swapped", "swap", "swap", "X (øst)", "swapped" },
        { "capacity missing", "capacity", null, "Kapacitet", "capacity is missing" },
        { "hub height missing", "hub", null, "Navhøjde", "hub height is missing" },
    };

    [Theory]
    [MemberData(nameof(PublisherErrors))]
    public void A_row_with_a_publisher_error_is_skipped_naming_sheet_row_and_column_and_counted(string what, object? x, object? y, string column, string reason)
    {
        var (existing, decommissioned) = samples.Copy();
        const int turbine = 3;
        Damage(existing, turbine, x, y);

        var result = Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned)));

        Assert.False(result.HasErrors, what);
        var skipped = Assert.Single(result.Issues, i => i.Severity == ImportIssueSeverity.Skipped);
        Assert.Equal((ExistingSheet, RowOf(turbine)), (skipped.Sheet, skipped.Row));
        var letter = Letter(Column(existing[DanishHeader], column));
        Assert.StartsWith($"{letter} (", skipped.Column);
        Assert.Contains(reason, skipped.Reason);
        Assert.DoesNotContain(result.Records, p => p.Id == (string)existing[DanishHeader + 1 + turbine][0]!);
        Assert.Equal(2 * Turbines - 1, result.Records.Count);
        Assert.Contains(result.Issues, i => i.Severity == ImportIssueSeverity.Note && i.Sheet == ExistingSheet && i.Reason.StartsWith($"1 of {Turbines} rows"));
    }

    [Fact]
    public void Up_to_five_percent_of_unusable_existing_rows_are_skipped_more_fail_naming_the_worst_rows()
    {
        var (existing, decommissioned) = samples.Copy();
        // 2 of 40 = 5 %: still usable.
        Damage(existing, 0, 0.0, 0.0);
        Damage(existing, 1, "swap", "swap");
        Assert.Equal(2 * Turbines - 2, Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned))).Records.Count);

        // 3 of 40 = 7.5 %: refused; the row with two problems comes first.
        Damage(existing, 5, 1.0, 1.0);
        Damage(existing, 5, "capacity", null);
        var e = Assert.Throws<ImportFailedException>(() => Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned))));

        var error = Assert.Single(e.Errors);
        Assert.Equal(ExistingSheet, error.Sheet);
        Assert.Contains("3 of 40 rows", error.Reason);
        Assert.Contains($"worst: row {RowOf(5)} (", error.Reason);
        Assert.Contains($"row {RowOf(0)}", error.Reason);
    }

    [Fact]
    public void Publisher_errors_in_the_decommissioned_sheet_never_fail_the_import()
    {
        var (existing, decommissioned) = samples.Copy();
        for (var t = 0; t < 10; t++)
            Damage(decommissioned, t, 0.0, 0.0);

        var result = Read(Workbook((ExistingSheet, existing), (DecommissionedSheet, decommissioned)));

        Assert.Equal(Turbines - 10, result.Records.Count(p => p.Status == PlantStatus.Decommissioned));
        Assert.Equal(10, result.Issues.Count(i => i.Severity == ImportIssueSeverity.Skipped && i.Sheet == DecommissionedSheet));
    }

    /// <summary>Writes a publisher error into a turbine's row: coordinates, "×100", "swap", or a blank "capacity"/"hub".</summary>
    private static void Damage(List<object?[]> rows, int turbine, object? x, object? y)
    {
        var header = rows[DanishHeader];
        var row = rows[DanishHeader + 1 + turbine];
        int cx = Column(header, "X (øst)"), cy = Column(header, "Y (nord)");
        switch (x)
        {
            case "×100":
                (row[cx], row[cy]) = (Convert.ToDouble(row[cx]) * 100, Convert.ToDouble(row[cy]) * 100);
                break;
            case "swap":
                (row[cx], row[cy]) = (row[cy], row[cx]);
                break;
            case "capacity":
                row[Column(header, "Kapacitet")] = null;
                break;
            case "hub":
                row[Column(header, "Navhøjde")] = null;
                break;
            default:
                (row[cx], row[cy]) = (x, y);
                break;
        }
    }

    private static string Letter(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
