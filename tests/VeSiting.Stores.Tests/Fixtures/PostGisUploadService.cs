using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Data.Sources;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>
/// A PostGIS database with the hand-made data, and a service on it with an API key and its own copy of the fetched
/// sources (without any added files), for tests that upload files with <c>POST /api/imports</c>.
/// </summary>
public sealed class PostGisUploadService : IAsyncDisposable
{
    public const string Key = "postgis-upload-key-0123456789";

    private PostGisUploadService(string database, string cache) => (Database, Cache) = (database, cache);

    public string Database { get; }

    /// <summary>The service's cache folder, where its source overlay is kept.</summary>
    public string Cache { get; }

    public static async Task<PostGisUploadService> CreateAsync()
    {
        var database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());
        var cache = Directory.CreateTempSubdirectory("vesiting-upload-postgis-").FullName;
        await RealData.GetAsync();
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(real, f).StartsWith(SourceOverlay.AddedFolder + Path.DirectorySeparatorChar) && !f.EndsWith(SourceOverlay.FileName)))
        {
            var target = Path.Combine(cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new PostGisUploadService(database, cache);
    }

    public WebApplicationFactory<ServiceData> Service() => new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b
        .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:Database", Database).UseSetting("VeSiting:ApiKeys:0", Key)
        .UseSetting("VeSiting:CacheDirectory", Cache).UseSetting("VeSiting:StateDirectory", Path.Combine(Cache, "state")));

    /// <summary>Uploads a CSV file as a source's new edition and waits for the import job to end; returns the job.</summary>
    public static async Task<JsonElement> UploadAsync(HttpClient client, string source, string name, string csv)
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

    public async ValueTask DisposeAsync()
    {
        await PostGisServer.DropDatabaseAsync(Database);
        Directory.Delete(Cache, recursive: true);
    }
}
