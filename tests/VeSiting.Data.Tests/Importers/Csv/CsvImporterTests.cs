using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Importers.PowerPlantMatching;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Csv;

public sealed class CsvImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private const string DarHeader = "husnummer_id,kommunekode,vejkode,vejnavn,husnr,postnr,postnrnavn,etrs89_east,etrs89_north,lat,lon,status";

    [Fact]
    public void Dar_addresses_are_read_in_utm32_as_published()
    {
        var path = _temp.Write("dar.csv", $"{DarHeader}\n310b95db,0101,1484,Eliasgade,10,2300,København S,727557.90,6174832.99,55.6659010,12.6183728,1\n");
        var address = Assert.Single(new DarAddressReader().Read(path, "dar").Records);
        Assert.Equal("Eliasgade 10, 2300 København S", address.Label);
        Assert.Equal(101, address.MunicipalityCode);
        Assert.Equal(727557.90, address.Position.X);
        Assert.Equal(2, address.Origin.Row);
    }

    [Fact]
    public void Bad_dar_rows_are_errors_with_row_and_column()
    {
        var path = _temp.Write("dar.csv", string.Join('\n',
            DarHeader,
            "a,0101,1,Eliasgade,10,2300,København S,727557.90,6174832.99,,,1",
            "b,0101,1,Eliasgade,12,2300,København S,seven,6174832.99,,,1",
            "c,0101,1,Eliasgade,14,2300,København S,6174832.99,727557.90,,,1",
            "d,0101,1,,16,2300,København S,727557.90,6174832.99,,,1"));
        var result = new DarAddressReader().Read(path, "dar");

        Assert.Single(result.Records);
        Assert.Equal([(3, "etrs89_east"), (4, "etrs89_east"), (5, "vejnavn")], result.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("'seven' is not a number", result.Errors.First().Reason);
        Assert.Throws<ImportFailedException>(() => result.RecordsOrThrow("dar"));
    }

    [Fact]
    public void A_quoted_line_break_stays_in_its_field_and_rows_are_counted_as_a_spreadsheet_shows_them()
    {
        var path = _temp.Write("dar.csv", $"{DarHeader}\n" +
            "a,0101,1,\"Elias\ngade\",10,2300,København S,727557.90,6174832.99,,,1\n" +
            "b,0101,1,Eliasgade,seven,2300,København S,bad,6174832.99,,,1\n");
        var result = new DarAddressReader().Read(path, "dar");
        var address = Assert.Single(result.Records);
        Assert.Equal("Elias\ngade 10, 2300 København S", address.Label);
        // Header is row 1 and the quoted record row 2, although it spans two lines; the bad record is row 3.
        Assert.Equal((3, "etrs89_east"), (result.Errors.Single().Row!.Value, result.Errors.Single().Column!));
    }

    [Fact]
    public void A_pipe_separated_csv_is_detected_and_a_colon_separated_one_fails_naming_the_missing_columns()
    {
        var row = "a,0101,1,Eliasgade,10,2300,København S,727557.90,6174832.99,,,1";
        var pipes = _temp.Write("pipes.csv", DarHeader.Replace(',', '|') + "\n" + row.Replace(',', '|') + "\n");
        Assert.Equal("Eliasgade 10, 2300 København S", Assert.Single(new DarAddressReader().Read(pipes, "dar").Records).Label);

        var colons = _temp.Write("colons.csv", DarHeader.Replace(',', ':') + "\n" + row.Replace(',', ':') + "\n");
        var e = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(colons, "dar"));
        Assert.Contains("etrs89_east", e.Message);
        Assert.Contains("colons.csv", e.Message);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_not_a_swallowed_file()
    {
        var path = _temp.Write("dar.csv", $"{DarHeader}\n" +
            "a,0101,1,Eliasgade,10,2300,København S,727557.90,6174832.99,,,1\n" +
            "b,0101,1,\"Eliasgade,12,2300,København S,727557.90,6174832.99,,,1\n" +
            "c,0101,1,Eliasgade,14,2300,København S,727557.90,6174832.99,,,1\n");
        // The open quote swallows the rest of the file into row 3's street name, so row 3 lacks its other fields.
        var e = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(path, "dar").RecordsOrThrow("dar"));
        Assert.Contains("dar.csv row 3 column 'etrs89_east': value is missing", e.Message);
    }

    [Fact]
    public void A_csv_missing_a_required_column_fails_naming_it()
    {
        var path = _temp.Write("dar.csv", "husnummer_id,vejnavn\na,Eliasgade\n");
        var e = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(path, "dar"));
        Assert.Contains("etrs89_east", e.Message);
        Assert.Contains("dar.csv", e.Message);
    }

    [Fact]
    public void An_excel_danish_csv_with_semicolons_in_windows_1252_is_read_with_a_note()
    {
        // In Windows-1252 "ø" is the single byte 0xF8, which is not valid UTF-8 on its own.
        var text = $"{DarHeader.Replace(',', ';')}\r\n310b95db;0101;1484;Eliasgade;10;2300;København S;727557.90;6174832.99;;;1\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes(text);
        Assert.Contains((byte)0xF8, bytes);
        var result = new DarAddressReader().Read(_temp.Write("dar.csv", bytes), "dar");

        Assert.Equal("Eliasgade 10, 2300 København S", Assert.Single(result.Records).Label);
        var note = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueSeverity.Note, note.Severity);
        Assert.Contains("Windows-1252", note.Reason);
    }

    [Fact]
    public void A_utf8_csv_with_bom_and_semicolons_is_read_without_notes()
    {
        var text = $"{DarHeader.Replace(',', ';')}\n310b95db;0101;1484;Eliasgade;10;2300;København S;727557.90;6174832.99;;;1\n";
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();
        var result = new DarAddressReader().Read(_temp.Write("dar.csv", bytes), "dar");

        Assert.Equal("Eliasgade 10, 2300 København S", Assert.Single(result.Records).Label);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void An_empty_csv_fails()
    {
        var path = _temp.Write("dar.csv", "");
        Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(path, "dar"));
    }

    [Fact]
    public void Powerplantmatching_rows_become_plants_in_utm32()
    {
        var path = _temp.Write("ppm.csv", string.Join('\n',
            "id,Name,Fueltype,Technology,Set,Country,Capacity,Efficiency,DateIn,DateRetrofit,DateOut,lat,lon",
            "1,Sol,Solar,PV,PP,Denmark,60.5,,2021.0,,,56.3797517,8.4720166",
            "2,Old coal,Hard Coal,Steam Turbine,CHP,Denmark,424.0,,1971.0,2009.0,2020.0,55.686,12.6276",
            "3,Horns Rev,Wind,Offshore,PP,Denmark,160,,2002.0,,,55.5,7.9",
            "4,Elsewhere,Wind,Onshore,PP,Germany,10,,2002.0,,,54.0,9.0"));
        var result = new PowerPlantMatchingReader(editionYear: 2024).Read(path, "ppm");

        Assert.False(result.HasErrors);
        var solar = result.Records[0];
        Assert.Equal(PlantKind.SolarPark, solar.Kind);
        Assert.Equal(60_500, solar.CapacityKw);
        Assert.Equal(new DateOnly(2021, 1, 1), solar.ConnectedOn);
        // PostGIS control point for lon 8.4720166, lat 56.3797517 → E 467394.6281 N 6248471.3325.
        Assert.Equal(467394.6281, solar.Geometry.Coordinate.X, 0.001);
        Assert.Equal(PlantStatus.Decommissioned, result.Records[1].Status);
        Assert.Equal((PlantKind.WindFarm, Siting.Offshore), (result.Records[2].Kind, result.Records[2].Siting));
        Assert.Equal(5, Assert.Single(result.Skipped).Row);
    }

    [Fact]
    public void Powerplantmatching_coordinates_outside_denmark_are_errors()
    {
        var path = _temp.Write("ppm.csv", "id,Name,Fueltype,Technology,Country,Capacity,lat,lon\n1,Swapped,Solar,PV,Denmark,1,8.47,56.38\n");
        var error = Assert.Single(new PowerPlantMatchingReader().Read(path, "ppm").Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("outside Denmark", error.Reason);
    }

    private static readonly IReadOnlyList<AdminArea> Municipalities =
    [
        Municipality("0480", "Nordfyn"),
        Municipality("0101", "København"),
    ];

    private static AdminArea Municipality(string code, string name) => new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = code,
        Name = name,
        Geometry = Core.Spatial.GeometryTransforms.Utm32Point(0, 0),
        Origin = new RecordOrigin("dagi", "k.geojson", 1),
    };

    [Fact]
    public void Population_joins_by_name_and_alias_and_an_unknown_name_is_an_error_not_a_zero()
    {
        var path = _temp.Write("pop.csv", "OMRÅDE,KØN,ALDER,TID,INDHOLD\nKøbenhavn,I alt,Alder i alt,2024M01,659350\nNordfyns,I alt,Alder i alt,2024M01,29610\nAtlantis,I alt,Alder i alt,2024M01,5\n");
        var rows = new DstPopulationReader().Read(path, "dst");
        var aliases = new MunicipalityNameAliases(new Dictionary<string, string> { ["Nordfyns"] = "0480" });

        var joined = PopulationJoin.Join(rows.Records, Municipalities, aliases);

        Assert.Equal([(101, 659_350L), (480, 29_610L)], joined.Records.Select(p => (p.MunicipalityCode, p.Population)));
        var error = Assert.Single(joined.Errors);
        Assert.Equal(4, error.Row);
        Assert.Contains("'Atlantis'", error.Reason);
        Assert.Throws<ImportFailedException>(() => joined.RecordsOrThrow("dst"));
    }

    [Fact]
    public void Population_breakdowns_are_skipped_and_bad_counts_are_errors()
    {
        var path = _temp.Write("pop.csv", "OMRÅDE,KØN,ALDER,TID,INDHOLD\nKøbenhavn,Mænd,Alder i alt,2024M01,300000\nKøbenhavn,I alt,Alder i alt,2024M01,many\n");
        var result = new DstPopulationReader().Read(path, "dst");
        Assert.Equal(2, Assert.Single(result.Skipped).Row);
        Assert.Equal(("INDHOLD", 3), (Assert.Single(result.Errors).Column, result.Errors.Single().Row!.Value));
    }

    public void Dispose() => _temp.Dispose();
}
