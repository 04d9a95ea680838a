using VeSiting.Core.DataCoverage;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Bbr;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Loading;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Bbr;

/// <summary>
/// BBR units (enheder) as published: a hand-made file in Datafordeleren's BBR bulk layout (<c>EnhedList</c> with BBR's
/// field names) and the same units as a CSV export, placed at access addresses through the unit addresses of the
/// hand-made DAR bulk download and DAWA <c>adresser</c> files (Importers/Dar/Fixtures). Units, written by hand:
/// 1 shop (322) and 2, 3 flats (140, status 6 and 7) at Eliasgade 10's unit addresses e…1, e…2, e…3; 4 a deleted flat
/// (status 10); 5 a shop and 6 a flat at Vesterbrogade 1 (e…7, e…8); 7 a summer cottage (510) at Storegade 5 (e…10);
/// 8 a house with no unit address; 9 a house at unit address e…99, which the address data lacks; in the JSON also 10,
/// a past registration of a flat at Eliasgade 12 (e…6).
/// </summary>
public sealed class BbrUnitsTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Importers", "Bbr", "Fixtures");
    private static readonly string DarFixtures = Path.Combine(AppContext.BaseDirectory, "Importers", "Dar", "Fixtures");
    private static string Json => Path.Combine(Fixtures, "bbr-bulk-handmade.json");
    private static string Csv => Path.Combine(Fixtures, "bbr-enheder-handmade.csv");
    private readonly TempDirectory _temp = new();

    private const string Eliasgade10 = "0a3f50a0-73cf-32b8-e044-0003ba298018", Eliasgade12 = "0a3f50a0-73d0-32b8-e044-0003ba298018",
        Vesterbrogade1 = "0a3f5081-c9a4-32b8-e044-0003ba298018", Storegade5 = "0a3f509c-a1e7-32b8-e044-0003ba298018";

    [Theory]
    [InlineData("bbr-bulk-handmade.json")]
    [InlineData("bbr-enheder-handmade.csv")]
    public void Current_units_that_exist_and_have_a_unit_address_are_read_with_their_use(string file)
    {
        var result = new BbrUnitReader().Read(Path.Combine(Fixtures, file), "bbr");

        Assert.False(result.HasErrors, string.Join("; ", result.Errors));
        // Units 1, 2, 3, 5, 6, 7, 9; 4 (status 10) and 8 (no unit address) skipped; 10 (JSON) a past registration, left out.
        Assert.Equal(
        [
            ("e0000000-0000-4000-8000-000000000001", 322, false), ("e0000000-0000-4000-8000-000000000002", 140, true),
            ("e0000000-0000-4000-8000-000000000003", 140, true), ("e0000000-0000-4000-8000-000000000007", 322, false),
            ("e0000000-0000-4000-8000-000000000008", 140, true), ("e0000000-0000-4000-8000-000000000010", 510, false),
            ("e0000000-0000-4000-8000-000000000099", 120, true),
        ], result.Records.Select(u => (u.UnitAddressId, u.UseCode, u.IsDwelling)));
        // Data rows: the CSV's header is row 1, so unit n is row n + 1; the JSON's unit n is EnhedList item n.
        var offset = file.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0;
        Assert.Equal([(4 + offset, "status"), (8 + offset, "adresseIdentificerer")], result.Skipped.Select(s => (s.Row!.Value, s.Column)));
    }

    [Theory]
    [InlineData("dar-bulk-handmade.json", "bbr-bulk-handmade.json")]
    [InlineData("dawa-adresser-handmade.csv", "bbr-enheder-handmade.csv")]
    public void Households_per_access_address_are_the_bbr_dwelling_units_where_units_are_loaded(string addressFile, string unitFile)
    {
        var links = new UnitAddressLinks();
        var addresses = new DarAddressReader().Read(Path.Combine(DarFixtures, addressFile), "dar", null, links).Records;
        var units = new BbrUnitReader().Read(Path.Combine(Fixtures, unitFile), "bbr").Records;

        var result = BbrHouseholds.Apply(addresses, units, links);

        // Eliasgade 10: flats 2 and 3 (the shop is no household) = 2 from BBR, where its 3 unit addresses said 3;
        // Vesterbrogade 1: flat 6 = 1 (unit addresses: 2); Storegade 5: a summer cottage only = 0;
        // Eliasgade 12: no current BBR unit, so its 1 unit address stays its basis.
        Assert.Equal(
        [
            (Vesterbrogade1, (int?)1, true), (Storegade5, 0, true), (Eliasgade10, 2, true), (Eliasgade12, 1, false),
        ], result.Addresses.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Id, a.Households, a.HouseholdsFromBbr)));
        Assert.Equal("4 household(s): BBR dwelling units at 3 of 4 access address(es), dwelling units from the unit addresses at 1",
            HouseholdBasis.Of(result.Addresses).Statement);
        var note = Assert.Single(result.Issues);
        Assert.Equal((ImportIssueSeverity.Note, "adresseIdentificerer"), (note.Severity, note.Column));
        Assert.StartsWith("1 unit(s) name unit addresses the loaded address data does not hold (the first: e0000000-0000-4000-8000-000000000099)", note.Reason);
    }

    [Fact]
    public void Access_addresses_without_unit_addresses_cannot_take_bbr_units_and_keep_their_basis()
    {
        var links = new UnitAddressLinks();
        var csv = _temp.Write("adgangsadresser.csv",
            "id,status,vejnavn,husnr,postnr,postnrnavn,kommunekode,etrs89koordinat_øst,etrs89koordinat_nord\n"
            + $"{Eliasgade10},1,Eliasgade,10,2300,København S,0101,727557.90,6174832.99\n");
        var addresses = new DarAddressReader().Read(csv, "dar", null, links).Records;

        var result = BbrHouseholds.Apply(addresses, new BbrUnitReader().Read(Csv, "bbr").Records, links);

        Assert.Equal(0, links.Count);
        Assert.Equal((null, false), (result.Addresses[0].Households, result.Addresses[0].HouseholdsFromBbr));
        Assert.StartsWith("7 unit(s) name unit addresses the loaded address data does not hold", Assert.Single(result.Issues).Reason);
    }

    [Fact]
    public void A_missing_use_code_in_the_csv_is_an_error_naming_file_row_and_field()
    {
        var lines = File.ReadAllLines(Csv);
        lines[2] = lines[2].Replace("140,", ",", StringComparison.Ordinal);
        var result = new BbrUnitReader().Read(_temp.Write("enheder.csv", string.Join('\n', lines)), "bbr");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("enheder.csv", 3, "enh020EnhedensAnvendelse", "value is missing"), (error.File, error.Row, error.Column, error.Reason));
        var failed = Assert.Throws<ImportFailedException>(() => result.RecordsOrThrow("bbr-units"));
        Assert.Contains("enheder.csv row 3 column 'enh020EnhedensAnvendelse'", failed.Message);
    }

    [Fact]
    public void An_unreadable_use_code_in_the_json_is_an_error_naming_list_item_and_field()
    {
        var text = File.ReadAllText(Json).Replace("\"enh020EnhedensAnvendelse\": \"510\"", "\"enh020EnhedensAnvendelse\": \"sommerhus\"", StringComparison.Ordinal);
        var result = new BbrUnitReader().Read(_temp.Write("bbr.json", text), "bbr");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("bbr.json", "EnhedList", 7, "enh020EnhedensAnvendelse"), (error.File, error.Sheet, error.Row, error.Column));
        Assert.Contains("'sommerhus' is not a BBR unit use code", error.Reason);
    }

    [Fact]
    public void A_csv_without_the_unit_address_column_fails_naming_it()
    {
        var path = _temp.Write("enheder.csv", "id_lokalId,status,enh020EnhedensAnvendelse\nb1,6,140\n");

        var failed = Assert.Throws<ImportFailedException>(() => new BbrUnitReader().Read(path, "bbr"));

        Assert.Contains("enheder.csv", failed.Message);
        Assert.Contains("missing column(s) adresseIdentificerer", failed.Message);
    }

    [Fact]
    public void The_dwelling_codes_are_bbrs_year_round_housing_group()
    {
        // BBR code list EnhAnvendelse, group 1xx "helårsbeboelse" (teknik.bbr.dk/kodelister/0/1/0/EnhAnvendelse).
        Assert.Equal([110, 120, 121, 122, 130, 131, 132, 140, 150, 160, 185, 190], BbrUnitUse.DwellingCodes);
        Assert.False(BbrUnitUse.IsDwelling(510));
    }

    public void Dispose() => _temp.Dispose();
}
