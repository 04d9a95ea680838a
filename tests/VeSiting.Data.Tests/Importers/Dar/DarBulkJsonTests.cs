using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Dar;

/// <summary>
/// Datafordeleren's DAR bulk download (JSON): a hand-made file in the official layout (entity lists HusnummerList,
/// AdressepunktList, NavngivenVejList, NavngivenVejKommunedelList, PostnummerList, AdresseList with their bitemporal
/// fields; names as in the DAR JSON schema) gives the same access addresses and households as the same addresses in
/// DAWA's adresser CSV, which was written by hand from the same facts.
/// </summary>
public sealed class DarBulkJsonTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Importers", "Dar", "Fixtures");
    private static string Json => Path.Combine(Fixtures, "dar-bulk-handmade.json");
    private static string Csv => Path.Combine(Fixtures, "dawa-adresser-handmade.csv");
    private readonly TempDirectory _temp = new();

    private static List<(string Id, string Label, int Municipality, double E, double N, int? Households)> Facts(IEnumerable<Address> addresses) =>
        addresses.Select(a => (a.Id, a.Label, a.MunicipalityCode, a.Position.X, a.Position.Y, a.Households)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    [Fact]
    public void The_bulk_download_gives_the_current_access_addresses_in_use_with_their_households()
    {
        var result = new DarAddressReader().Read(Json, "dar");

        Assert.False(result.HasErrors, string.Join("; ", result.Errors));
        // Eliasgade 10: units 1, 2, 3 in force (unit 4 retired, unit 5 a past version) = 3; Eliasgade 12: 1; Vesterbrogade 1: 2;
        // Storegade 5 (preliminary, status 2): 1. Eliasgade 14 is retired (status 4); Eliasgade 8 is a past version of no. 10.
        Assert.Equal(
        [
            ("0a3f5081-c9a4-32b8-e044-0003ba298018", "Vesterbrogade 1, 1620 København V", 101, 723805.64, 6175620.47, (int?)2),
            ("0a3f509c-a1e7-32b8-e044-0003ba298018", "Storegade 5, 7700 Thisted", 787, 492311.27, 6316020.84, 1),
            ("0a3f50a0-73cf-32b8-e044-0003ba298018", "Eliasgade 10, 2300 København S", 101, 727557.90, 6174832.99, 3),
            ("0a3f50a0-73d0-32b8-e044-0003ba298018", "Eliasgade 12, 2300 København S", 101, 727571.35, 6174845.12, 1),
        ], Facts(result.Records));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("HusnummerList", 5, "status"), (skipped.Sheet, skipped.Row, skipped.Column));
    }

    [Fact]
    public void The_bulk_download_and_dawas_unit_addresses_give_the_same_answer()
    {
        var fromJson = new DarAddressReader().Read(Json, "dar");
        var fromCsv = new DarAddressReader().Read(Csv, "dar");

        Assert.Equal(Facts(fromCsv.Records), Facts(fromJson.Records));
        Assert.Equal(2, fromCsv.Skipped.Count()); // DAWA: the retired unit of no. 10 and the retired no. 14 (status 2)
    }

    [Fact]
    public void A_house_number_whose_access_point_is_missing_is_an_error_naming_list_item_and_field()
    {
        var text = File.ReadAllText(Json).Replace("\"POINT(723805.64 6175620.47)\"", "null", StringComparison.Ordinal);
        var result = new DarAddressReader().Read(_temp.Write("dar.json", text), "dar");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("HusnummerList", 4, "adgangspunkt"), (error.Sheet, error.Row, error.Column));
        Assert.Throws<ImportFailedException>(() => result.RecordsOrThrow("dar"));
    }

    [Fact]
    public void Json_that_is_not_a_bulk_download_fails_naming_the_file()
    {
        var e = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(_temp.Write("other.json", """{"features":[]}"""), "dar"));
        Assert.Contains("other.json", e.Message);
        Assert.Contains("HusnummerList", e.Message);

        var broken = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(_temp.Write("broken.json", """{"HusnummerList":[{"id_lokalId": """), "dar"));
        Assert.Contains("broken.json", broken.Message);
    }

    public void Dispose() => _temp.Dispose();
}
