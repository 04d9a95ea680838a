using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Security;

/// <summary>Writes need an API key; reads are open unless configured closed; refusals are problem+json.</summary>
public sealed class WriteAccessTests
{
    private const string Key = "test-key-0123456789abcdef";
    private const string Site = "/api/assess/site?address=Eliasgade%2010,%202300";

    private static WebApplicationFactory<Program> Service(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    private static HttpRequestMessage Write(string? apiKey = null, bool bearer = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports");
        if (apiKey is not null && bearer)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        else if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    [Fact]
    public async Task Without_configured_keys_writes_are_switched_off_and_reads_stay_open()
    {
        using var service = Service();
        var client = service.CreateClient();
        var reason = await Problems.AssertProblemAsync(await client.SendAsync(Write("anything-at-all-0123456789")), HttpStatusCode.Forbidden, "X-Api-Key");
        Assert.Contains("no API keys configured", reason);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Site)).StatusCode);
    }

    [Fact]
    public async Task A_write_without_a_key_or_with_a_wrong_key_gets_401_with_a_challenge()
    {
        using var service = Service(("VeSiting:ApiKeys:0", Key));
        var client = service.CreateClient();

        var missing = await client.SendAsync(Write());
        Assert.Contains("X-Api-Key", await Problems.AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "X-Api-Key"));
        Assert.StartsWith("ApiKey", missing.Headers.WwwAuthenticate.ToString());

        var wrong = await client.SendAsync(Write(Key + "x"));
        Assert.Equal("the API key is not valid", await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "X-Api-Key"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Site)).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_right_key_in_either_header_is_let_through(bool bearer)
    {
        using var service = Service(("VeSiting:ApiKeys:0", "another-key-that-is-long-enough"), ("VeSiting:ApiKeys:1", Key));
        var response = await service.CreateClient().SendAsync(Write(Key, bearer));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_key_can_be_configured_by_its_sha256_hash_alone()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        using var service = Service(("VeSiting:ApiKeys:0", "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Write("abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Write("abd"))).StatusCode);
    }

    [Fact]
    public async Task Keys_can_come_from_secret_files_one_per_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            // As Docker writes a secret: the key file may end with a line break, which is not part of the key.
            await File.WriteAllTextAsync(file, "another-key-that-is-long-enough\n" + Key + "\n");
            using var service = Service(("VeSiting:ApiKeyFiles:0", file));
            var client = service.CreateClient();
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Write(Key))).StatusCode);
            // Past the key check: accepted, or told that the first key's import is still running (409).
            Assert.Contains((await client.SendAsync(Write("another-key-that-is-long-enough"))).StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Write("another-key-that-is-long-enough" + Key))).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_key_file_stops_the_service_naming_the_setting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"vesiting-no-such-secret-{Guid.NewGuid():n}");
        using var service = Service(("VeSiting:ApiKeyFiles:0", missing));
        var error = Assert.Throws<InvalidOperationException>(() => service.CreateClient());
        Assert.Contains("VeSiting:ApiKeyFiles:0", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Reads_can_be_closed_by_configuration_while_health_and_the_map_stay_open()
    {
        using var service = Service(("VeSiting:ApiKeys:0", Key), ("VeSiting:RequireKeyForReads", "true"));
        var client = service.CreateClient();
        await Problems.AssertProblemAsync(await client.GetAsync(Site), HttpStatusCode.Unauthorized, "X-Api-Key");
        await Problems.AssertProblemAsync(await client.GetAsync("/tiles/plants/7/67/39.mvt"), HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, Site);
        request.Headers.Add("X-Api-Key", Key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_key_and_marks_only_the_writes()
    {
        using var service = Service();
        var document = System.Text.Json.JsonDocument.Parse(await service.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var paths = document.GetProperty("paths");
        bool Secured(string path, string method) => paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out var s)
            && s.EnumerateArray().Any(r => r.TryGetProperty("ApiKey", out _));
        Assert.True(Secured("/api/projects", "post"));
        Assert.True(Secured("/api/rules", "post"));
        Assert.True(Secured("/api/imports", "post"));
        Assert.True(Secured("/api/projects/{id}", "delete"));
        Assert.False(Secured("/api/projects", "get"));
        Assert.False(Secured("/api/assess/project", "post"));
    }

    [Theory]
    [InlineData("short-key", "at least 16 characters")]
    [InlineData("sha256:1234", "64 hex digits")]
    public void A_weak_or_malformed_configured_key_stops_the_service_from_starting(string configured, string expected)
    {
        using var service = Service(("VeSiting:ApiKeys:0", configured));
        var error = Assert.Throws<InvalidOperationException>(() => service.CreateClient());
        Assert.Contains(expected, error.Message);
        Assert.Contains("VeSiting:ApiKeys:0", error.Message);
    }
}
