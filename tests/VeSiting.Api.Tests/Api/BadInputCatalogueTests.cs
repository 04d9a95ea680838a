using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// A catalogue of hostile and broken input against the endpoints: each gets a 4xx problem+json naming a field,
/// and the service answers /health afterwards.
/// </summary>
public sealed class BadInputCatalogueTests : IClassFixture<BadInputCatalogueTests.Service>
{
    public sealed class Service : WebApplicationFactory<Program>
    {
        public const string Key = "catalogue-key-0123456789";
        public string State { get; } = Directory.CreateTempSubdirectory("vesiting-catalogue-").FullName;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0")
                .UseSetting("VeSiting:MaxRequestBodyBytes", "40000000").UseSetting("VeSiting:MaxVerticesPerRequest", "10000")
                .UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", State);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(State))
                Directory.Delete(State, recursive: true);
        }
    }

    private readonly HttpClient _client;
    private readonly string _state;

    public BadInputCatalogueTests(Service service)
    {
        _client = service.CreateClient();
        _state = service.State;
    }

    public static TheoryData<string, HttpStatusCode> Queries => new()
    {
        { "/api/assess/site?lat=NaN&lon=10", HttpStatusCode.BadRequest },
        { "/api/assess/site?lat=Infinity&lon=10", HttpStatusCode.BadRequest },
        { "/api/assess/site?e=-Infinity&n=6200000", HttpStatusCode.BadRequest },
        { "/api/assess/site?e=1e308&n=1e308", HttpStatusCode.BadRequest },
        { "/api/assess/site?lat=56&lon=10&kwh=NaN", HttpStatusCode.BadRequest },
        { "/api/assess/site?address=%27%3B%20DROP%20TABLE%20plants%3B%20--", HttpStatusCode.NotFound },
        { "/api/assess/site?building=..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound },
        { "/api/assess/plant/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound },
        { "/tiles/..%2F..%2Fetc%2Fpasswd/1/0/0.mvt", HttpStatusCode.NotFound },
        { "/tiles/plants/2147483647/0/0.mvt", HttpStatusCode.BadRequest },
        { "/api/collections/plants/items?bbox=NaN,NaN,NaN,NaN", HttpStatusCode.BadRequest },
        { "/api/collections/plants/items?limit=99999999999", HttpStatusCode.BadRequest },
        { "/api/sites?area=municipality:%27%3B--", HttpStatusCode.NotFound },
        { "/api/sites?cell=NaN", HttpStatusCode.BadRequest },
        { "/api/projects/..%2F..%2Fappsettings.json", HttpStatusCode.NotFound },
        { "/api/projects/%27%3B%20DROP%20TABLE%20projects%3B--/assessment", HttpStatusCode.NotFound },
        { "/api/imports/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Hostile_queries_are_problems_and_the_service_stays_up(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);
    }

    private static string Ring(int vertices)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            text.Append(CultureInfo.InvariantCulture, $"[{11.19 + 0.01 * Math.Cos(angle)},{55.48 + 0.01 * Math.Sin(angle)}],");
        }
        return text.Append("[11.2,55.48]]").ToString();
    }

    public static TheoryData<string, string, HttpStatusCode> Bodies => new()
    {
        { "broken UTF-8", "{\"type\":\"FeatureCollection\",\"features\":[\xC3\x28]}", HttpStatusCode.BadRequest },
        { "empty collection", """{"type":"FeatureCollection","features":[]}""", HttpStatusCode.BadRequest },
        { "deep nesting", new string('[', 5000) + new string(']', 5000), HttpStatusCode.BadRequest },
        { "wrong crs", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[]}""", HttpStatusCode.BadRequest },
        { "NaN coordinates", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110},"geometry":{"type":"Point","coordinates":["NaN","NaN"]}}]}""", HttpStatusCode.BadRequest },
        { "self-intersecting solar area", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"capacity_mw":5},"geometry":{"type":"Polygon","coordinates":[[[11.19,55.48],[11.21,55.50],[11.21,55.48],[11.19,55.50],[11.19,55.48]]]}}]}""", HttpStatusCode.BadRequest },
        { "a million vertices", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"capacity_mw\":5},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + Ring(1_000_000) + "]}}]}", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Broken_project_bodies_are_problems_and_the_service_stays_up(string what, string body, HttpStatusCode status)
    {
        foreach (var path in new[] { "/api/assess/project", "/api/projects" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.Latin1.GetBytes(body)) };
            request.Headers.Add("X-Api-Key", Service.Key);
            var response = await _client.SendAsync(request);
            Assert.True(response.StatusCode == status, $"{what} to {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);
        Assert.Equal("[]", await _client.GetStringAsync("/api/projects"));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Broken_bodies_published_as_rules_are_problems_and_nothing_is_published(string what, string body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules") { Content = new ByteArrayContent(Encoding.Latin1.GetBytes(body)) };
        request.Headers.Add("X-Api-Key", Service.Key);
        var response = await _client.SendAsync(request);
        // Not one of them is a rule file (the million vertices fit this service's 40 MB body limit, and are still no rule file).
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} (as a project: {(int)status}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(Directory.Exists(Path.Combine(_state, "rules")) && Directory.EnumerateFiles(Path.Combine(_state, "rules")).Any());
    }
}
