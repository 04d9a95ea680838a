using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Security;

/// <summary>Saved projects on the embedded engine (a state folder): writes need the key, reads and assessments do not.</summary>
public sealed class ProjectApiTests : IDisposable
{
    private const string Key = "project-test-key-0123456789";
    private readonly string _state = Directory.CreateTempSubdirectory("vesiting-state-").FullName;
    private readonly WebApplicationFactory<Program> _service;
    private readonly HttpClient _client;

    // User journey 1: one turbine west of Høng, H = 95 + 110/2 = 150 m, permit 1 June 2026.
    private const string Journey1 = """
        {"type":"FeatureCollection","name":"Høng vest","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    public ProjectApiTests()
    {
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", _state).UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0"));
        _client = _service.CreateClient();
    }

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body = null, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/geo+json");
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return _client.SendAsync(request);
    }

    private async Task<int> SavedCountAsync() => JsonDocument.Parse(await _client.GetStringAsync("/api/projects")).RootElement.GetArrayLength();

    [Fact]
    public async Task A_saved_project_is_listed_returned_as_submitted_and_assessed_like_a_posted_one()
    {
        var created = await Send(HttpMethod.Post, "/api/projects", Journey1);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var summary = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Høng vest", summary.GetProperty("name").GetString());
        Assert.Equal(1, summary.GetProperty("plantCount").GetInt32());

        var listed = JsonDocument.Parse(await _client.GetStringAsync("/api/projects")).RootElement;
        Assert.Equal(location, listed.EnumerateArray().Single().GetProperty("links").GetProperty("self").GetString());
        var stored = await _client.GetAsync(location);
        Assert.Equal("application/geo+json", stored.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Journey1).RootElement, JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement));

        var assessment = JsonDocument.Parse(await _client.GetStringAsync(location + "/assessment")).RootElement;
        // Python on the DAR CSV: 42 addresses within 1,200 m, 26 within 900 m, none within 600 m.
        Assert.Equal(42, assessment.GetProperty("dwellings").GetArrayLength());
        Assert.Equal(26, assessment.GetProperty("salesOptionHouseholds").GetInt32());
        // It lives in the state folder, one file per project.
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_state, "projects")));
    }

    [Theory]
    [InlineData("POST", "/api/projects")]
    [InlineData("PUT", "/api/projects/plain-json")]
    public async Task A_project_sent_as_application_json_is_read_as_json_as_readme_says(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(Journey1, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key);
        var response = await _client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await SavedCountAsync());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public async Task Without_a_key_the_answer_is_401_whatever_the_media_type(string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent("<x/>", Encoding.UTF8, mediaType) };
        var response = await _client.SendAsync(request);
        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    [Fact]
    public async Task With_the_key_a_body_of_another_media_type_is_refused_with_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent("<x/>", Encoding.UTF8, "application/xml") };
        request.Headers.Add("X-Api-Key", Key);
        var response = await _client.SendAsync(request);
        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Equal(0, await SavedCountAsync());
    }

    [Fact]
    public async Task Without_the_key_nothing_is_saved_replaced_or_deleted()
    {
        await Problems.AssertProblemAsync(await Send(HttpMethod.Post, "/api/projects", Journey1, key: null), HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Equal(0, await SavedCountAsync());

        var id = Path.GetFileName((await Send(HttpMethod.Post, "/api/projects", Journey1)).Headers.Location!.ToString());
        await Problems.AssertProblemAsync(await Send(HttpMethod.Put, $"/api/projects/{id}", Journey1.Replace("Høng vest", "changed"), key: "wrong-key-0123456789abc"), HttpStatusCode.Unauthorized, "X-Api-Key");
        await Problems.AssertProblemAsync(await Send(HttpMethod.Delete, $"/api/projects/{id}", key: null), HttpStatusCode.Unauthorized, "X-Api-Key");
        var listed = JsonDocument.Parse(await _client.GetStringAsync("/api/projects")).RootElement;
        Assert.Equal("Høng vest", listed.EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_body_that_could_not_be_assessed_is_refused_and_nothing_is_saved()
    {
        var noHeight = Journey1.Replace("\"hub_height_m\":95,", "");
        var reason = await Problems.AssertProblemAsync(await Send(HttpMethod.Post, "/api/projects", noHeight), HttpStatusCode.BadRequest, "hub_height_m");
        Assert.NotEmpty(reason);
        await Problems.AssertProblemAsync(await Send(HttpMethod.Post, "/api/projects", "{\"type\":"), HttpStatusCode.BadRequest, "body");
        Assert.Equal(0, await SavedCountAsync());
    }

    [Fact]
    public async Task A_project_is_replaced_under_its_id_and_deleted()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Put, "/api/projects/hoeng-2026", Journey1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Put, "/api/projects/hoeng-2026?name=Revised", Journey1)).StatusCode);
        var listed = JsonDocument.Parse(await _client.GetStringAsync("/api/projects")).RootElement;
        Assert.Equal("Revised", listed.EnumerateArray().Single().GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, "/api/projects/hoeng-2026")).StatusCode);
        await Problems.AssertProblemAsync(await _client.GetAsync("/api/projects/hoeng-2026"), HttpStatusCode.NotFound, "id");
        await Problems.AssertProblemAsync(await Send(HttpMethod.Delete, "/api/projects/hoeng-2026"), HttpStatusCode.NotFound, "id");
    }

    [Theory]
    [InlineData("/api/projects/..%2F..%2Fappsettings")]
    [InlineData("/api/projects/UPPER")]
    [InlineData("/api/projects/x%27%3B%20DROP%20TABLE%20projects/assessment")]
    public async Task Hostile_ids_are_not_found(string path)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync(path), HttpStatusCode.NotFound, "id");
        await Problems.AssertProblemAsync(await Send(HttpMethod.Put, path.Replace("/assessment", ""), Journey1), HttpStatusCode.NotFound, "id");
        Assert.Equal(0, await SavedCountAsync());
    }
}
