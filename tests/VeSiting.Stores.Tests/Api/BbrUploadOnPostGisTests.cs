using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using VeSiting.Api.Hosting;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// DAWA unit addresses and then BBR units uploaded with <c>POST /api/imports</c> to a PostGIS-backed service: the
/// addresses table holds the households per access address from the BBR dwelling units, marked as such, and the
/// municipality report says which basis it used.
/// </summary>
public sealed class BbrUploadOnPostGisTests : IAsyncLifetime
{
    private const string Key = "postgis-bbr-key-0123456789";
    private string _database = null!;
    private readonly string _cache = Directory.CreateTempSubdirectory("vesiting-bbr-postgis-").FullName;

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

    public async Task InitializeAsync()
    {
        _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());
        await RealData.GetAsync();
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(real, f).StartsWith(SourceOverlay.AddedFolder + Path.DirectorySeparatorChar) && !f.EndsWith(SourceOverlay.FileName)))
        {
            var target = Path.Combine(_cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async Task DisposeAsync()
    {
        await PostGisServer.DropDatabaseAsync(_database);
        Directory.Delete(_cache, recursive: true);
    }

    private WebApplicationFactory<ServiceData> Service() => new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b
        .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:Database", _database).UseSetting("VeSiting:ApiKeys:0", Key)
        .UseSetting("VeSiting:CacheDirectory", _cache).UseSetting("VeSiting:StateDirectory", Path.Combine(_cache, "state")));

    private async Task<List<(string, int?, bool)>> HouseholdsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, households, households_from_bbr FROM addresses ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int?, bool)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetBoolean(2)));
        return rows;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string source, string name, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/imports?source={source}&name={name}") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("X-Api-Key", Key);
        var started = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // Polls until the import ends; the bound only keeps a broken import from hanging the suite.
        for (var attempt = 0; attempt < 900; attempt++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(started.Headers.Location);
            if (job.GetProperty("stage").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(200);
        }
        throw new TimeoutException("the import did not finish within three minutes");
    }

    [Fact]
    public async Task Bbr_units_uploaded_give_households_per_access_address_in_the_addresses_table()
    {
        using var service = Service();
        var client = service.CreateClient();

        var addresses = await UploadAsync(client, "dar-addresses", "adresser.csv", UnitAddresses);
        Assert.True(addresses.GetProperty("stage").GetString() == "succeeded", addresses.ToString());
        // Before BBR: the unit addresses, 3, 1 and 2.
        Assert.Equal([("a10", (int?)3, false), ("a12", 1, false), ("v1", 2, false)], await HouseholdsAsync());

        var units = await UploadAsync(client, "bbr-units", "enheder.csv", Units);

        Assert.True(units.GetProperty("stage").GetString() == "succeeded", units.ToString());
        // no. 10: flats b2, b3 = 2; Vesterbrogade 1: flat b6 = 1 (the shops are no households); no. 12: no BBR unit, stays 1.
        Assert.Equal([("a10", (int?)2, true), ("a12", 1, false), ("v1", 1, true)], await HouseholdsAsync());
        using var report = JsonDocument.Parse(await client.GetStringAsync("/api/assess/municipality/101"));
        Assert.Equal("4 household(s): BBR dwelling units at 2 of 3 access address(es), dwelling units from the unit addresses at 1",
            report.RootElement.GetProperty("householdBasis").GetString());
    }
}
