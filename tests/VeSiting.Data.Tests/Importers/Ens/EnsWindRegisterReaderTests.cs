using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Ens;

namespace VeSiting.Data.Tests.Importers.Ens;

public sealed class EnsWindRegisterReaderTests
{
    private static ImportResult<Plant> Read(byte[] workbook) =>
        new EnsWindRegisterReader().Read(new MemoryStream(workbook), "register.xlsx", "ens");

    [Fact]
    public void Reads_the_2022_layout_below_the_danish_header_and_stops_at_the_sums()
    {
        var result = Read(EnsWorkbooks.Standard2022());

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Equal(["570715000000000001", "570715000000000002", "570715000000000004", "570715000000000005"], result.Records.Select(p => p.Id));
        var first = result.Records[0];
        Assert.Equal(PlantKind.WindTurbine, first.Kind);
        Assert.Equal(PlantStatus.Operating, first.Status);
        Assert.Equal(107, first.TotalHeightM);
        Assert.Equal(2000, first.CapacityKw);
        Assert.Equal(new DateOnly(2014, 12, 18), first.ConnectedOn);
        Assert.Equal(573, first.MunicipalityCode);
        Assert.Equal("Varde", first.MunicipalityName);
        Assert.Equal(Siting.Onshore, first.Siting);
        Assert.Equal(460000.25, first.Geometry.Coordinate.X);
        Assert.Equal(6170000.5, first.Geometry.Coordinate.Y);
        Assert.Equal(25832, first.Geometry.SRID);
        Assert.Equal(new RecordOrigin("ens", "register.xlsx", 6, EnsWorkbooks.ExistingSheet), first.Origin);
    }

    [Fact]
    public void Keeps_annual_production_by_year_from_the_row_above_the_header()
    {
        var first = Read(EnsWorkbooks.Standard2022()).Records[0];
        Assert.Equal(new Dictionary<int, double> { [2020] = 4_000_000, [2021] = 4_100_000 }, first.AnnualProductionKwh);
        Assert.Equal((2021, 4_100_000.0), first.LatestAnnualProduction);
    }

    [Fact]
    public void Placeholder_dimensions_and_unknown_words_become_unknown_with_a_note()
    {
        var result = Read(EnsWorkbooks.Standard2022());
        var placeholder = result.Records.Single(p => p.Id == "570715000000000002");

        Assert.Null(placeholder.HubHeightM);
        Assert.Null(placeholder.RotorDiameterM);
        Assert.Null(placeholder.TotalHeightM);
        Assert.Null(placeholder.Manufacturer);
        Assert.Equal(2, result.Issues.Count(i => i.Severity == ImportIssueSeverity.Note && i.Row == 7 && i.Reason.Contains("placeholder")));
    }

    [Fact]
    public void Rows_without_coordinates_are_reported_as_skipped_with_their_row()
    {
        var skipped = Assert.Single(Read(EnsWorkbooks.Standard2022()).Skipped);
        Assert.Equal(8, skipped.Row);
        Assert.Equal(EnsWorkbooks.ExistingSheet, skipped.Sheet);
        Assert.Contains("no coordinates", skipped.Reason);
    }

    [Fact]
    public void Location_types_are_normalised_and_text_numbers_read_in_either_decimal_form()
    {
        var records = Read(EnsWorkbooks.Standard2022()).Records;
        var offshore = records.Single(p => p.Id == "570715000000000004");
        var mixed = records.Single(p => p.Id == "570715000000000005");

        Assert.Equal(Siting.Offshore, offshore.Siting);
        Assert.Null(offshore.MunicipalityCode); // 0 is the register's "unknown"
        Assert.Equal(Siting.Onshore, mixed.Siting);
        Assert.Equal(40.5, mixed.HubHeightM);
        Assert.Equal(600, mixed.CapacityKw);
        Assert.Equal(62.5, mixed.TotalHeightM); // 40.5 + 44 / 2
    }

    [Fact]
    public void Reads_a_newer_edition_with_english_headers_in_another_order_and_combined_municipality()
    {
        var result = Read(EnsWorkbooks.NewerEdition());

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var varde = result.Records.Single(p => p.Id == "570715000000000101");
        Assert.Equal(573, varde.MunicipalityCode);
        Assert.Equal("Varde", varde.MunicipalityName);
        Assert.Equal(150, varde.TotalHeightM);
        Assert.Equal(new Dictionary<int, double> { [2024] = 9_000_000 }, varde.AnnualProductionKwh);
        Assert.Equal(851, result.Records.Single(p => p.Id == "570715000000000102").MunicipalityCode);

        var decommissioned = result.Records.Single(p => p.Status == PlantStatus.Decommissioned);
        Assert.Equal("570714700000008788", decommissioned.Id);
        Assert.Equal(new DateOnly(2016, 11, 30), decommissioned.DecommissionedOn);
        Assert.Equal(329, decommissioned.MunicipalityCode);
    }

    [Fact]
    public void A_non_numeric_height_is_an_error_naming_sheet_row_and_column_and_the_result_is_refused()
    {
        object?[][] rows = [["570715000000000001", new DateOnly(2014, 12, 18), 2000, 80, "høj", "Vestas", 573, "Varde", "LAND", 460000, 6170000, null, null]];
        var result = Read(XlsxWriterFacade.Workbook((EnsWorkbooks.ExistingSheet, EnsWorkbooks.Edition2022Rows(rows))));

        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Row);
        Assert.Equal("E (Navhøjde (m))", error.Column);
        Assert.Equal(EnsWorkbooks.ExistingSheet, error.Sheet);
        Assert.Contains("'høj'", error.Reason);
        Assert.Empty(result.Records);
        var refused = Assert.Throws<ImportFailedException>(() => result.RecordsOrThrow("ens"));
        Assert.Contains("row 6", refused.Message);
    }

    [Theory]
    [InlineData(8.47, 56.38)] // longitude/latitude in the UTM columns
    [InlineData(6170000.0, 460000.0)] // easting and northing swapped
    [InlineData(-460000.0, 6170000.0)]
    public void Coordinates_outside_denmark_are_a_publisher_error_and_the_row_is_skipped(double x, double y)
    {
        object?[][] rows = [["570715000000000001", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", x, y, null, null]];
        // In the decommissioned sheet: one bad row of one is not a share that refuses the edition there.
        var result = Read(XlsxWriterFacade.Workbook(("Afmeldte-Decommissioned", EnsWorkbooks.Edition2022Rows(rows))));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(6, skipped.Row);
        Assert.Contains("publisher error", skipped.Reason);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Only_one_coordinate_is_an_error_not_a_skip()
    {
        object?[][] rows = [["570715000000000001", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000, "n/a?", null, null]];
        var error = Assert.Single(Read(XlsxWriterFacade.Workbook((EnsWorkbooks.ExistingSheet, EnsWorkbooks.Edition2022Rows(rows)))).Errors);
        Assert.StartsWith("K (", error.Column);
    }

    [Fact]
    public void Bad_gsrn_dates_and_location_types_are_errors()
    {
        object?[][] rows =
        [
            ["57071500000000000", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000, 6170000, null, null],
            ["570715000000000002", "yesterday", 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000, 6170000, null, null],
            ["570715000000000003", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "lake", 460000, 6170000, null, null],
            ["570715000000000004", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000, 6170000, "lots", null],
        ];
        var errors = Read(XlsxWriterFacade.Workbook((EnsWorkbooks.ExistingSheet, EnsWorkbooks.Edition2022Rows(rows)))).Errors.ToList();

        Assert.Equal([6, 7, 8, 9], errors.Select(e => e.Row));
        Assert.Contains("not a GSRN", errors[0].Reason);
        Assert.Contains("not a date", errors[1].Reason);
        Assert.Contains("location type", errors[2].Reason);
        Assert.Equal("production 2020", errors[3].Column);
    }

    [Fact]
    public void Duplicate_gsrn_on_one_sheet_is_an_error()
    {
        var row = new object?[] { "570715000000000001", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000, 6170000, null, null };
        var result = Read(XlsxWriterFacade.Workbook((EnsWorkbooks.ExistingSheet, EnsWorkbooks.Edition2022Rows(row, row))));
        var error = Assert.Single(result.Errors);
        Assert.Equal(7, error.Row);
        Assert.Contains("first in row 6", error.Reason);
    }

    [Fact]
    public void A_sheet_without_the_register_columns_fails_the_whole_import_naming_what_is_missing()
    {
        var workbook = XlsxWriterFacade.Workbook((EnsWorkbooks.ExistingSheet,
        [
            ["Møllenummer (GSRN)", "Kapacitet (kW)", "Rotor-diameter (m)", "Navhøjde (m)"],
            ["570715000000000001", 2000, 80, 67],
        ]));
        var e = Assert.Throws<ImportFailedException>(() => Read(workbook));
        Assert.Contains("Easting", e.Message);
        Assert.Contains("Northing", e.Message);
        Assert.Contains(EnsWorkbooks.ExistingSheet, e.Message);
    }

    [Fact]
    public void A_workbook_without_turbine_sheets_fails()
    {
        var e = Assert.Throws<ImportFailedException>(() => Read(XlsxWriterFacade.Workbook(("Forside", [["hello"]]))));
        Assert.Contains("'Forside'", e.Message);
    }

    [Fact]
    public void A_truncated_workbook_fails_with_the_file_named()
    {
        var bytes = EnsWorkbooks.Standard2022();
        var e = Assert.Throws<ImportFailedException>(() => Read(bytes[..(bytes.Length / 2)]));
        Assert.Contains("register.xlsx", e.Message);
        Assert.Contains("not a readable Excel workbook", e.Message);
    }

    [Fact]
    public void Something_that_is_not_a_workbook_fails()
    {
        var e = Assert.Throws<ImportFailedException>(() => Read("GSRN;X;Y\n1;2;3\n"u8.ToArray()));
        Assert.Contains("not a readable Excel workbook", e.Message);
    }

    [Theory]
    [InlineData("IkkeAfmeldte-Existing turbines", PlantStatus.Operating)]
    [InlineData("Ikke-afmeldte møller", PlantStatus.Operating)]
    [InlineData("Existing turbines", PlantStatus.Operating)]
    [InlineData("Afmeldte-Decommissioned", PlantStatus.Decommissioned)]
    [InlineData("Decommissioned turbines", PlantStatus.Decommissioned)]
    public void Sheets_are_classified_by_name(string name, PlantStatus expected) =>
        Assert.Equal(expected, EnsWindRegisterReader.ClassifySheet(name));
}
