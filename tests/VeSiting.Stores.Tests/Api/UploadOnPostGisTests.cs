using System.Text.Json;
using Npgsql;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// An uploaded permit-dates file on a PostGIS-backed service: the plants table carries the dates and their source after
/// the import's commit, and a bad file leaves the database's data version and the overlay as they were.
/// </summary>
public sealed class UploadOnPostGisTests : IAsyncLifetime
{
    private PostGisUploadService _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PostGisUploadService.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_fixture.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static Task<JsonElement> UploadAsync(HttpClient client, string csv) =>
        PostGisUploadService.UploadAsync(client, "permit-dates", "permits.csv", csv);

    [Fact]
    public async Task Permit_dates_uploaded_reach_the_plants_table_and_a_bad_file_changes_nothing()
    {
        using var service = _fixture.Service();
        var client = service.CreateClient();

        var job = await UploadAsync(client, "gsrn,permit_date\n570715000000045608,1996-11-20\n");

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        var version = job.GetProperty("dataVersion").GetString();
        Assert.Equal(version, await ScalarAsync<string>("SELECT id FROM data_version"));
        Assert.Equal("1996-11-20 permit-dates file permits.csv",
            await ScalarAsync<string>("SELECT permit_date::text || ' ' || permit_date_source FROM plants WHERE id = '570715000000045608'"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM plants WHERE permit_date_source IS NOT NULL"));

        var failed = await UploadAsync(client, "gsrn,permit_date\n570715000000045608,1996-20-11\n");

        Assert.Equal("failed", failed.GetProperty("stage").GetString());
        Assert.Contains("permits.csv row 2 column 'permit_date'", failed.GetProperty("error").GetString());
        Assert.Equal(version, await ScalarAsync<string>("SELECT id FROM data_version"));
        Assert.Equal("permits.csv", SourceOverlay.Load(_fixture.Cache).Find("permit-dates")!.OriginalName);
        Assert.Equal("1996-11-20", await ScalarAsync<string>("SELECT permit_date::text FROM plants WHERE id = '570715000000045608'"));
    }
}
