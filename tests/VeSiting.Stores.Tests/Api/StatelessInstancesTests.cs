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
/// Two service instances on one PostGIS database keep nothing of their own: a rule set published through one is in
/// force on the other, and an import started through one is reported by the other, both from the database.
/// </summary>
public sealed class StatelessInstancesTests : IAsyncLifetime
{
    internal const string Key = "stateless-instances-key-0123456789";
    private string _database = null!;

    // The built-in 2024-07 VE-bonus rules, republished for permits from 2027 with the cap doubled to 3 % of capacity.
    internal static readonly string VeBonus2027 = File.ReadAllText(Path.Combine(ProjectLayout.Locate().Root, "geodata", "rules", "ve-bonus", "2024-07.json"))
        .Replace("\"2024-07.1\"", "\"2027-01.1\"").Replace("\"from\": \"2024-07-01\"", "\"from\": \"2027-01-01\"").Replace("\"value\": 0.015", "\"value\": 0.03");

    public async Task InitializeAsync() => _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_database);

    private WebApplicationFactory<ServiceData> Service(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:Database", _database).UseSetting("VeSiting:ApiKeys:0", Key)
                .UseSetting("VeSiting:DataVersionPollSeconds", "0.2").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        request.Headers.Add("X-Api-Key", Key);
        return client.SendAsync(request);
    }

    internal static async Task<bool> ListsVeBonus2027Async(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/rules")).GetProperty("ruleSets").EnumerateArray()
            .Any(r => r.GetProperty("id").GetString() == "ve-bonus" && r.GetProperty("version").GetString() == "2027-01.1");

    /// <summary>Asks until <paramref name="condition"/> holds; the bound only keeps a broken service from hanging the suite.</summary>
    internal static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_rule_set_published_through_one_instance_is_in_force_on_the_other_and_on_one_started_later()
    {
        using var first = Service();
        using var second = Service();
        var a = first.CreateClient();
        var b = second.CreateClient();
        Assert.False(await ListsVeBonus2027Async(b));

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(a, HttpMethod.Post, "/api/rules", VeBonus2027)).StatusCode);
        Assert.True(await ListsVeBonus2027Async(a));
        Assert.True(await EventuallyAsync(() => ListsVeBonus2027Async(b)), "the second instance never put the published rule set in force");
        Assert.Equal(1L, await CountAsync("published_rules"));

        // The same version through the other instance is a conflict: the database, not an instance's folder, is the record.
        var again = await SendAsync(b, HttpMethod.Post, "/api/rules", VeBonus2027.Replace("\"value\": 0.03", "\"value\": 0.04"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, await CountAsync("published_rules"));

        using var third = Service();
        Assert.True(await ListsVeBonus2027Async(third.CreateClient()));
    }

    [Fact]
    public async Task An_import_started_through_one_instance_is_reported_by_the_other_with_its_outcome()
    {
        // An empty mirror and cache: the fetch fails at once, which is an outcome the history must keep.
        var emptyMirror = Directory.CreateTempSubdirectory("vesiting-empty-mirror-").FullName;
        try
        {
            await ReportedByTheOtherAsync(emptyMirror);
        }
        finally
        {
            Directory.Delete(emptyMirror, recursive: true);
        }
    }

    private async Task ReportedByTheOtherAsync(string emptyMirror)
    {
        using var first = Service(("VeSiting:MirrorFolders:0", emptyMirror), ("VeSiting:CacheDirectory", Path.Combine(emptyMirror, "cache")));
        using var second = Service();
        var started = await SendAsync(first.CreateClient(), HttpMethod.Post, "/api/imports");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = started.Headers.Location!.ToString().Split('/')[^1];

        var b = second.CreateClient();
        JsonElement job = default;
        Assert.True(await EventuallyAsync(async () =>
        {
            var response = await b.GetAsync($"/api/imports/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            job = await response.Content.ReadFromJsonAsync<JsonElement>();
            return job.GetProperty("stage").GetString() is "succeeded" or "failed";
        }, seconds: 60), "the other instance never reported the import as ended");
        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Equal("hand-made", job.GetProperty("previousVersion").GetString());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.String, job.GetProperty("finishedAt").ValueKind);
        Assert.Contains((await b.GetFromJsonAsync<JsonElement>("/api/imports")).EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        Assert.Equal(1L, await CountAsync("import_jobs"));
        // The failed import changed nothing: the hand-made data keeps serving.
        Assert.Equal("hand-made", (await b.GetFromJsonAsync<JsonElement>("/health")).GetProperty("dataVersion").GetString());
    }
}
