using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Security;

/// <summary>Imports over HTTP on the embedded engine: a good import switches data; a failed one leaves the previous version serving.</summary>
public sealed class ImportApiTests : IDisposable
{
    private const string Key = "import-test-key-0123456789";
    private readonly string _cache = Directory.CreateTempSubdirectory("vesiting-import-cache-").FullName;
    private readonly string _emptyMirror = Directory.CreateTempSubdirectory("vesiting-empty-mirror-").FullName;

    public ImportApiTests()
    {
        // The service reads its own copy of the cache, so these tests can damage it.
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Directory.Delete(_cache, recursive: true);
        Directory.Delete(_emptyMirror, recursive: true);
    }

    private WebApplicationFactory<Program> Service() => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
        .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key)
        .UseSetting("VeSiting:CacheDirectory", _cache).UseSetting("VeSiting:MirrorFolders:0", _emptyMirror));

    private static async Task<JsonElement> StartAndWaitAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports");
        request.Headers.Add("X-Api-Key", Key);
        var started = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.StartsWith("/api/imports/", location);
        // Polls until the import ends; the bound only keeps a broken import from hanging the suite.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync(location)).RootElement;
            if (job.GetProperty("stage").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(200);
        }
        throw new TimeoutException("the import did not finish within two minutes");
    }

    private static async Task<string> ServedVersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("dataVersion").GetString()!;

    [Fact]
    public async Task An_import_reads_every_source_again_and_the_service_switches_to_it()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);

        var job = await StartAndWaitAsync(client);

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);
        // Same source files, so the same content version (a hash of the sources' checksums).
        Assert.Equal(before, job.GetProperty("dataVersion").GetString());
        var progress = job.GetProperty("progress");
        // The DAR sample has 1,326 addresses (counted with Python on the CSV); DAGI and DST have 98 municipalities + Christiansø.
        Assert.Equal(1326, progress.GetProperty("read:dar-addresses").GetInt64());
        Assert.Equal(99, progress.GetProperty("read:dagi-municipalities").GetInt64());
        Assert.Equal(99, progress.GetProperty("read:dst-population").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/assess/site?address=Eliasgade%2010,%202300")).StatusCode);
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/imports")).RootElement;
        Assert.Equal(job.GetProperty("id").GetString(), listed[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_failed_import_says_why_and_the_previous_data_keeps_serving()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        // Damage one cached file: its checksum fails, and the only mirror is empty, so it cannot be fetched again.
        var cached = Directory.EnumerateFiles(Path.Combine(_cache, "wind"), "*", SearchOption.AllDirectories).First();
        await File.WriteAllTextAsync(cached, "not the register");

        var job = await StartAndWaitAsync(client);

        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Contains("wind", job.GetProperty("error").GetString());
        Assert.Equal(before, await ServedVersionAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/assess/site?address=Eliasgade%2010,%202300")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_import_is_a_404_problem()
    {
        using var service = Service();
        var response = await service.CreateClient().GetAsync("/api/imports/nope");
        await Api.Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "id");
    }
}
