namespace VeSiting.Data.Tests.Importers.Ens;

/// <summary>Hand-made editions of the ENS register in the layouts seen across years.</summary>
internal static class EnsWorkbooks
{
    public const string ExistingSheet = "IkkeAfmeldte-Existing turbines";

    private static readonly object?[] DanishHeader =
    [
        "Møllenummer (GSRN)", "Dato for oprindelig nettilslutning", "Kapacitet (kW)", "Rotor-diameter (m)", "Navhøjde (m)", "Fabrikat",
        "Kommune-nr.", "Kommune", "Type af placering", "X (øst) koordinat \nUTM 32 Euref89", "Y (nord) koordinat \nUTM 32 Euref89", null, null,
    ];

    /// <summary>January 2022 layout: notes, English header, Danish header with the production years above it, data, sums.</summary>
    public static object?[][] Edition2022Rows(params object?[][] data) =>
    [
        [null, null, "Stamdataregister for vindkraftanlæg ultimo januar 2022"],
        ["Turbine identifier (GSRN)", "Date of original connection to grid", "Capacity (kW)", "Rotor diameter (m)", "Hub height (m)", "Manufacture",
            "Local authority no", "Local authority\nname", "Type of location", "X (east) coordinate\nUTM 32 Euref89", "Y (north) coordinate\nUTM 32 Euref89"],
        [],
        [null, null, null, null, null, null, null, null, null, null, null, 2020, 2021],
        DanishHeader,
        .. data,
        ["Sum af ikke-afmeldte anlæg / Sum of existing turbines", null, null, null, null, null, null, null, null, null, null, 8_100_000, 8_300_000],
        ["I alt"],
    ];

    /// <summary>The standard data rows used by most tests (spreadsheet rows 6–10).</summary>
    public static object?[][] StandardRows =>
    [
        // Row 6: a complete onshore turbine, H = 67 + 80/2 = 107 m.
        ["570715000000000001", new DateOnly(2014, 12, 18), 2000, 80, 67, "Vestas", 573, "Varde", "LAND", 460000.25, 6170000.5, 4_000_000, 4_100_000],
        // Row 7: placeholder dimensions (0.1 m) and an unknown manufacturer.
        ["570715000000000002", new DateOnly(2015, 11, 11), 10, 0.1, 0.1, "Ukendt", 306, "Odsherred", "Land", 648438.63, 6204436.7, null, 20_000],
        // Row 8: no coordinates.
        ["570715000000000003", new DateOnly(2015, 12, 11), 10, 7.1, 21.4, "Ukendt", 306, "Odsherred", "Land", null, null, null, null],
        // Row 9: offshore.
        ["570715000000000004", new DateOnly(2009, 9, 17), 2300, 93, 68, "Siemens", 0, null, "HAV", 431500, 6159600, 4_100_000, 4_200_000],
        // Row 10: mixed-case location and a text number with a decimal comma.
        ["570715000000000005", new DateOnly(1998, 1, 1), "600", "44", "40,5", "Vestas", 665, "Lemvig", "Land", 453011.81, 6270667.35, null, null],
    ];

    public static byte[] Standard2022() => XlsxWriterFacade.Workbook((ExistingSheet, Edition2022Rows(StandardRows)));

    /// <summary>A newer layout: English header only, in another order and row, "Kommune" as "573 - Varde", no municipality number column.</summary>
    public static byte[] NewerEdition() => XlsxWriterFacade.Workbook(
        ("Existing turbines",
        [
            ["Master data register for wind turbines at end of March 2025"],
            ["Note: figures are preliminary"],
            [null, null, null, null, null, null, null, null, null, 2023, 2024],
            ["Kommune", "Turbine identifier (GSRN)", "Capacity (kW)", "Hub height (m)", "Rotor diameter (m)", "Type of location",
                "X (east) coordinate UTM 32 Euref89", "Y (north) coordinate UTM 32 Euref89", "Date of original connection to grid", null, null],
            ["573 - Varde", "570715000000000101", 4200, 95, 110, "Land", 460100, 6170100, new DateOnly(2024, 3, 1), null, 9_000_000],
            ["851 - Aalborg", "570715000000000102", 3600, 90, 126, "LAND", 555557.64, 6337796.66, new DateOnly(2023, 5, 1), 1_000_000, 8_000_000],
        ]),
        ("Decommissioned turbines",
        [
            ["Kommune", "Turbine identifier (GSRN)", "Capacity (kW)", "Hub height (m)", "Rotor diameter (m)", "Type of location",
                "X (east) coordinate UTM 32 Euref89", "Y (north) coordinate UTM 32 Euref89", "Date of original connection to grid", "Date of decommissioning"],
            ["329 - Ringsted", "570714700000008788", 130, 40, 20, "LAND", 683220.48, 6139877.43, new DateOnly(1990, 1, 1), new DateOnly(2016, 11, 30)],
        ]));
}

/// <summary>Keeps the fixture code readable: a params array of sheets.</summary>
internal static class XlsxWriterFacade
{
    public static byte[] Workbook(params (string Name, object?[][] Rows)[] sheets) => Fixtures.XlsxWriter.Write(sheets);
}
