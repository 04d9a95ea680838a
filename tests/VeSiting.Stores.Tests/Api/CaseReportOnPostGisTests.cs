using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Reports;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>A saved project's case report on a PostGIS-backed service (the hand-made data), and 404 for an unknown project.</summary>
public sealed class CaseReportOnPostGisTests : IAsyncLifetime
{
    private const string Key = "postgis-report-key-0123456789";
    private string _database = null!;

    public async Task InitializeAsync() => _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_database);

    private WebApplicationFactory<ServiceData> Service() =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
            b.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:Database", _database).UseSetting("VeSiting:ApiKeys:0", Key));

    [Fact]
    public async Task A_saved_project_has_its_report_with_the_figures_of_its_assessment()
    {
        using var service = Service();
        var client = service.CreateClient();
        // A planned turbine at (600050, 6200050), hub 60 m, rotor 60 m: H = 60 + 60/2 = 90 m, rings 360, 540 and 720 m.
        // Address 3 (600100, 6200100) is √(50² + 50²) = 70.7 m away, inside 4 × H; address 1 (600300, 6200400) is turbine b's own
        // address (0 m from it), not a home; address 2 (601000, 6200000) is √(950² + 50²) = 951 m away, beyond 8 × H.
        const string body = """
            {"type":"FeatureCollection","name":"Prøve ved Æbelø","permit_date":"2026-06-01","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
             {"type":"Feature","properties":{"id":"P1","hub_height_m":60,"rotor_diameter_m":60,"capacity_kw":2000},"geometry":{"type":"Point","coordinates":[600050,6200050]}}]}
            """;
        using var save = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        save.Headers.Add("X-Api-Key", Key);
        var created = await client.SendAsync(save);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();

        using var json = JsonDocument.Parse(await client.GetStringAsync($"{location}/assessment"));
        var answer = json.RootElement;
        var response = await client.GetAsync($"{location}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PdfText.Extract(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Case report: Prøve ved Æbelø", text);
        Assert.Contains("Dwellings within the rings 1", text);
        Assert.Contains("Below the minimum distance 1", text);
        Assert.Contains("Testvej 3, 2300 København S", text);
        // 2 MW in municipality 0147 (x ≥ 600,000) × 313,000 DKK/MW (green pool rules from 1 July 2024).
        Assert.Contains("Green pool in all, DKK 626,000", text);
        Assert.Contains("0147 B", text);
        Assert.Contains("Hand-made test data", text);
        Assert.Contains("Data version hand-made", text);
        foreach (var ruleSet in answer.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray())
            Assert.Contains(ruleSet.GetString()!, text);
        Assert.Equal(626_000, answer.GetProperty("greenPoolDkk").GetDouble());

        var html = await client.GetAsync($"{location}/report.html?lang=da");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("<dt>Boliger inden for ringene</dt><dd>1</dd>", WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()));

        var unknown = await client.GetAsync("/api/projects/no-such-project/report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
