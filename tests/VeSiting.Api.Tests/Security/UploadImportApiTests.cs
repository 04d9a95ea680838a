using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Security;

/// <summary>
/// <c>POST /api/imports</c> with a file: checked by the source's importer, served once indexed, and only then recorded as
/// the source's edition; a bad file fails the import with file, row and column, and the previous data keeps serving.
/// </summary>
public sealed class UploadImportApiTests : IDisposable
{
    private const string Key = "upload-test-key-0123456789";
    private readonly string _cache = Directory.CreateTempSubdirectory("vesiting-upload-cache-").FullName;

    public UploadImportApiTests()
    {
        var real = ProjectLayout.Locate().DefaultCacheDirectory;
        foreach (var file in Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}added{Path.DirectorySeparatorChar}") && !f.EndsWith(SourceOverlay.FileName)))
        {
            var target = Path.Combine(_cache, Path.GetRelativePath(real, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private WebApplicationFactory<Program> Service() => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
        .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:CacheDirectory", _cache)
        .UseSetting("VeSiting:StateDirectory", Path.Combine(_cache, "state")));

    private static async Task<JsonElement> WaitAsync(HttpClient client, HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync(started.Headers.Location)).RootElement;
            if (job.GetProperty("stage").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(200);
        }
        throw new TimeoutException("the import did not finish within two minutes");
    }

    private static HttpRequestMessage Raw(string query, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports" + query) { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    private static async Task<string> ServedVersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("dataVersion").GetString()!;

    [Fact]
    public async Task An_uploaded_permit_dates_file_is_served_and_becomes_the_current_edition()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var request = Raw("?source=permit-dates&name=permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n570715999999999999,2020-01-01\n");

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("succeeded", job.GetProperty("stage").GetString());
        Assert.Equal(("permit-dates", "permits.csv"), (job.GetProperty("source").GetString(), job.GetProperty("file").GetString()));
        Assert.Equal(2, job.GetProperty("progress").GetProperty("read:permit-dates").GetInt64());
        Assert.Equal(1, job.GetProperty("progress").GetProperty("skipped:permit-dates").GetInt64()); // the unknown GSRN
        Assert.NotEqual(before, await ServedVersionAsync(client));
        Assert.Equal(job.GetProperty("dataVersion").GetString(), await ServedVersionAsync(client));
        Assert.Equal("permits.csv", SourceOverlay.Load(_cache).Find("permit-dates")!.OriginalName);
    }

    [Fact]
    public async Task A_multipart_upload_with_an_error_fails_naming_row_and_column_and_the_previous_data_keeps_serving()
    {
        using var service = Service();
        var client = service.CreateClient();
        var before = await ServedVersionAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("permit-dates"), "source" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("gsrn,permit_date\n570715000000045608,20-11-1996\n")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "permits.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-Api-Key", Key);

        var job = await WaitAsync(client, await client.SendAsync(request));

        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.Contains("permits.csv row 2 column 'permit_date'", job.GetProperty("error").GetString());
        Assert.Equal(before, await ServedVersionAsync(client));
        Assert.Null(SourceOverlay.Load(_cache).Find("permit-dates"));
        Assert.False(Directory.Exists(Path.Combine(_cache, SourceOverlay.AddedFolder, "permit-dates")));
    }

    [Fact]
    public async Task An_upload_for_an_unknown_source_is_a_problem_naming_source()
    {
        using var service = Service();
        using var request = Raw("?source=wind", "x");

        var response = await service.CreateClient().SendAsync(request);

        await Api.Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "source");
    }

    [Fact]
    public async Task An_upload_without_a_key_is_refused()
    {
        using var service = Service();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?source=permit-dates") { Content = new StringContent("gsrn,permit_date\n") };

        var response = await service.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
