using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// Writes on a PostGIS-backed service: saved projects land in the shared table (so every instance sees them), an
/// import over HTTP copies the real data in and the service switches to it, and a statement that exceeds the
/// configured command timeout is a 503 problem, not a hung request.
/// </summary>
public sealed class WritesOnPostGisTests : IAsyncLifetime
{
    private const string Key = "postgis-writes-key-0123456789";
    private string _database = null!;

    public async Task InitializeAsync() => _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_database);

    private WebApplicationFactory<ServiceData> Service(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:Database", _database).UseSetting("VeSiting:ApiKeys:0", Key);
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_project_saved_through_one_instance_is_in_the_table_and_seen_by_another()
    {
        using var first = Service();
        using var second = Service();
        // A 90 m turbine (H = 60 + 60/2) beside the hand-made dwellings.
        const string body = """{"type":"FeatureCollection","name":"hand-made","permit_date":"2026-06-01","features":[{"type":"Feature","properties":{"id":"P1","hub_height_m":60,"rotor_diameter_m":60,"capacity_kw":2000},"geometry":{"type":"Point","coordinates":[10.6,55.9]}}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Add("X-Api-Key", Key);
        var created = await first.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.Location!.ToString().Split('/')[^1];

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM projects"));
        Assert.Equal("hand-made", await ScalarAsync<string>("SELECT name FROM projects"));
        var listed = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/projects");
        Assert.Equal(id, listed.EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync($"/api/projects/{id}/assessment")).StatusCode);
    }

    [Fact]
    public async Task An_import_over_http_copies_the_real_data_in_and_the_service_switches_to_it()
    {
        using var service = Service();
        var client = service.CreateClient();
        Assert.Equal("hand-made", (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("dataVersion").GetString());
        var real = await RealData.GetAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports");
        request.Headers.Add("X-Api-Key", Key);
        var started = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonElement job = default;
        // Polls until the import ends; the bound only keeps a broken import from hanging the suite.
        for (var attempt = 0; attempt < 900; attempt++)
        {
            job = await client.GetFromJsonAsync<JsonElement>(started.Headers.Location);
            if (job.GetProperty("stage").GetString() is "succeeded" or "failed")
                break;
            await Task.Delay(200);
        }

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(real.Version.Id, job.GetProperty("dataVersion").GetString());
        Assert.Equal(real.Version.Id, await ScalarAsync<string>("SELECT id FROM data_version"));
        Assert.Equal(real.Version.Id, (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("dataVersion").GetString());
        // 1,326 addresses in the DAR sample (counted with Python on the CSV) + the Samsø extract's 4,596
        // (tests/VeSiting.Data.Tests/Independent/osm_samsoe.py).
        Assert.Equal(1326L + 4596L, await ScalarAsync<long>("SELECT count(*) FROM addresses"));
    }

    [Fact]
    public async Task Saved_projects_are_compared_from_the_table_by_the_service_and_the_command_line()
    {
        using var service = Service();
        var client = service.CreateClient();
        async Task<string> SaveAsync(string name, int hub, int rotor, int kw)
        {
            var body = $$$"""{"type":"FeatureCollection","name":"{{{name}}}","permit_date":"2026-06-01","features":[{"type":"Feature","properties":{"id":"P1","hub_height_m":{{{hub}}},"rotor_diameter_m":{{{rotor}}},"capacity_kw":{{{kw}}}},"geometry":{"type":"Point","coordinates":[10.6,55.9]}}]}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
            request.Headers.Add("X-Api-Key", Key);
            var created = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return created.Headers.Location!.ToString().Split('/')[^1];
        }
        var first = await SaveAsync("first", 60, 60, 2000);
        var second = await SaveAsync("second", 100, 100, 3000);

        var response = await client.PostAsync("/api/assess/compare", new StringContent($$"""{"projects":["{{first}}","{{second}}"]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("A", "first", first), ("B", "second", second)],
            answer.GetProperty("layouts").EnumerateArray().Select(l => (l.GetProperty("key").GetString(), l.GetProperty("name").GetString(), l.GetProperty("project").GetString())));
        var assessed = await client.GetFromJsonAsync<JsonElement>($"/api/projects/{first}/assessment");
        var rows = answer.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(assessed.GetProperty("veBonusHouseholds").GetInt32(), rows["ve-bonus-households"].GetProperty("values")[0].GetDouble());
        Assert.Equal(assessed.GetProperty("violations").GetInt32(), rows["dwellings-below-minimum-distance"].GetProperty("values")[0].GetDouble());
        Assert.Equal([2.0, 3.0], rows["capacity-mw"].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        var missing = await client.PostAsync("/api/assess/compare", new StringContent($$"""{"projects":["{{first}}","not-saved"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("projects[1]", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        // The command line reads the same table.
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await VeSiting.Cli.CliApp.RunAsync(["assess", "compare", "--project", first, "--project", second, "--db", _database, "--format", "csv", "--year", "2026", "--flicker-year", "2026"],
            new VeSiting.Cli.Infrastructure.CliConsole(output, error, interactive: false));
        Assert.True(code == 0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure_id,measure,unit,status,better,A: first,B: second,best,differences", lines[0]);
        Assert.StartsWith("capacity-mw,installed capacity,MW,layout,higher,2,3,B,", lines.Single(l => l.StartsWith("capacity-mw,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_statement_beyond_the_command_timeout_is_a_503_and_the_service_recovers()
    {
        using var service = Service(("VeSiting:DatabaseCommandTimeoutSeconds", "1"));
        var client = service.CreateClient();
        const string site = "/api/assess/site?e=600100&n=6200100";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(site)).StatusCode);

        // Another session holds an exclusive lock on plants, so the nearest-plant query waits until it is cancelled.
        await using (var blocker = new NpgsqlConnection(_database))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockPlants = new NpgsqlCommand("LOCK TABLE plants IN ACCESS EXCLUSIVE MODE", blocker, transaction))
                await lockPlants.ExecuteNonQueryAsync();

            var blocked = await client.GetAsync(site);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
            Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(site)).StatusCode);
    }
}
