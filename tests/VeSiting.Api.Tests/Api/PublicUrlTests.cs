using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VeSiting.Api.Tests.Api;

/// <summary>Absolute links and TileJSON tile URLs come from VeSiting:PublicBaseUrl (or the address the request arrived at), never from a forged Host.</summary>
public sealed class PublicUrlTests
{
    private static WebApplicationFactory<Program> Service(string? publicBaseUrl) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            if (publicBaseUrl is not null)
                b.UseSetting("VeSiting:PublicBaseUrl", publicBaseUrl);
        });

    private static async Task<List<string>> HrefsAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "gopher");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var hrefs = new List<string>();
        Collect(json.RootElement, hrefs);
        return hrefs;
    }

    private static void Collect(JsonElement element, List<string> hrefs)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == "href" && p.Value.ValueKind == JsonValueKind.String)
                    hrefs.Add(p.Value.GetString()!);
                else if (p.Name == "tiles")
                    hrefs.AddRange(p.Value.EnumerateArray().Select(t => t.GetString()!));
                else
                    Collect(p.Value, hrefs);
            }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var e in element.EnumerateArray())
                Collect(e, hrefs);
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/collections")]
    [InlineData("/api/collections/regions/items?limit=2")]
    [InlineData("/tiles/plants.json")]
    public async Task The_configured_public_base_url_is_used_whatever_the_host_header_says(string path)
    {
        using var service = Service("https://vesiting.example.dk/");
        var hrefs = await HrefsAsync(service.CreateClient(), path);
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("https://vesiting.example.dk/", h, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/collections")]
    [InlineData("/tiles/plants.json")]
    public async Task Without_one_a_forged_host_or_forwarded_header_is_not_echoed(string path)
    {
        using var service = Service(null);
        var hrefs = await HrefsAsync(service.CreateClient(), path);
        Assert.NotEmpty(hrefs);
        // The in-process test server has no local address; a real server answers with the address it listens on.
        Assert.All(hrefs, h => Assert.StartsWith("http://localhost/", h, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://vesiting.example.dk/", "https://vesiting.example.dk")]
    [InlineData(null, "http://localhost")]
    public async Task The_openapi_documents_server_is_the_public_base_url_never_the_host_header(string? publicBaseUrl, string expected)
    {
        using var service = Service(publicBaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await service.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var servers = json.RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Equal([expected], servers);
    }
}
