using System.Text.Json;
using Npgsql;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// DAWA unit addresses and then BBR units uploaded with <c>POST /api/imports</c> to a PostGIS-backed service: the
/// addresses table holds the households per access address from the BBR dwelling units, marked as such, and the
/// municipality report says which basis it used.
/// </summary>
public sealed class BbrUploadOnPostGisTests : IAsyncLifetime
{
    private PostGisUploadService _fixture = null!;

    // København (0101): no. 10 with unit addresses u1 (st), u2 (1 tv), u3 (1 th); no. 12 with u4; Vesterbrogade 1 with u5, u6.
    private const string UnitAddresses =
        "adgangsadresseid,id,status,vejnavn,husnr,etage,dør,postnr,postnrnavn,kommunekode,etrs89koordinat_øst,etrs89koordinat_nord\n"
        + "a10,u1,1,Eliasgade,10,,,2300,København S,0101,727557.90,6174832.99\n"
        + "a10,u2,1,Eliasgade,10,1,tv,2300,København S,0101,727557.90,6174832.99\n"
        + "a10,u3,1,Eliasgade,10,1,th,2300,København S,0101,727557.90,6174832.99\n"
        + "a12,u4,1,Eliasgade,12,,,2300,København S,0101,727571.35,6174845.12\n"
        + "v1,u5,1,Vesterbrogade,1,st,,1620,København V,0101,723805.64,6175620.47\n"
        + "v1,u6,1,Vesterbrogade,1,1,,1620,København V,0101,723805.64,6175620.47\n";

    // A shop (322) at u1, flats (140) at u2 and u3 (status 6 built, 7 in force); a shop at u5, a flat at u6; nothing at u4.
    private const string Units =
        "adresseIdentificerer,enh020EnhedensAnvendelse,status,id_lokalId\n"
        + "u1,322,6,b1\nu2,140,6,b2\nu3,140,7,b3\nu5,322,6,b5\nu6,140,6,b6\n";

    public async Task InitializeAsync() => _fixture = await PostGisUploadService.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<List<(string, int?, bool)>> HouseholdsAsync()
    {
        await using var connection = new NpgsqlConnection(_fixture.Database);
        await connection.OpenAsync();
        // The uploaded address file's rows: the built-in Samsø addresses (source osm) stay beside them in another municipality.
        await using var command = new NpgsqlCommand("SELECT id, households, households_from_bbr FROM addresses WHERE source_id <> 'osm' ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int?, bool)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetBoolean(2)));
        return rows;
    }

    [Fact]
    public async Task Bbr_units_uploaded_give_households_per_access_address_in_the_addresses_table()
    {
        using var service = _fixture.Service();
        var client = service.CreateClient();

        var addresses = await PostGisUploadService.UploadAsync(client, "dar-addresses", "adresser.csv", UnitAddresses);
        Assert.True(addresses.GetProperty("stage").GetString() == "succeeded", addresses.ToString());
        // Before BBR: the unit addresses, 3, 1 and 2.
        Assert.Equal([("a10", (int?)3, false), ("a12", 1, false), ("v1", 2, false)], await HouseholdsAsync());

        var units = await PostGisUploadService.UploadAsync(client, "bbr-units", "enheder.csv", Units);

        Assert.True(units.GetProperty("stage").GetString() == "succeeded", units.ToString());
        // no. 10: flats b2, b3 = 2; Vesterbrogade 1: flat b6 = 1 (the shops are no households); no. 12: no BBR unit, stays 1.
        Assert.Equal([("a10", (int?)2, true), ("a12", 1, false), ("v1", 1, true)], await HouseholdsAsync());
        using var report = JsonDocument.Parse(await client.GetStringAsync("/api/assess/municipality/101"));
        Assert.Equal("4 household(s): BBR dwelling units at 2 of 3 access address(es), dwelling units from the unit addresses at 1",
            report.RootElement.GetProperty("householdBasis").GetString());
    }
}
