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
/// An uploaded permit-dates file on a PostGIS-backed service: the plants table carries the dates and their source after
/// the import's commit, and a bad file leaves the database's data version and the overlay as they were.
/// </summary>
public sealed class UploadOnPostGisTests : IAsyncLifetime
{
    private const string Key = "postgis-upload-key-0123456789";
    private string _database = null!;
    private readonly string _cache = Directory.CreateTempSubdirectory("vesiting-upload-postgis-").FullName;

    public async Task InitializeAsync()
    {
        _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());
        // Its own copy of the fetched sources (RealData fetched them), without any added files.
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

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?source=permit-dates&name=permits.csv") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
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
    public async Task Permit_dates_uploaded_reach_the_plants_table_and_a_bad_file_changes_nothing()
    {
        using var service = Service();
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
        Assert.Equal("permits.csv", SourceOverlay.Load(_cache).Find("permit-dates")!.OriginalName);
        Assert.Equal("1996-11-20", await ScalarAsync<string>("SELECT permit_date::text FROM plants WHERE id = '570715000000045608'"));
    }
}
