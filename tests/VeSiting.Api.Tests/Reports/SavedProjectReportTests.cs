using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Reports;

/// <summary>A saved project's case report on the embedded engine (its state folder); an unknown project is a 404 problem.</summary>
public sealed class SavedProjectReportTests : IDisposable
{
    private const string Key = "report-test-key-0123456789";
    private readonly string _state = Directory.CreateTempSubdirectory("vesiting-state-").FullName;
    private readonly WebApplicationFactory<Program> _service;
    private readonly HttpClient _client;

    public SavedProjectReportTests()
    {
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", _state).UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0")
            .UseSetting("VeSiting:HeavyTimeLimitSeconds", "600"));
        _client = _service.CreateClient();
    }

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task A_saved_project_has_its_report_as_pdf_and_html_with_the_figures_of_its_assessment()
    {
        using var save = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(CaseReportApiTests.Journey1, Encoding.UTF8, "application/geo+json") };
        save.Headers.Add("X-Api-Key", Key);
        var created = await _client.SendAsync(save);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        using var summary = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal($"{location}/report.pdf", summary.RootElement.GetProperty("links").GetProperty("report").GetString());

        using var json = JsonDocument.Parse(await _client.GetStringAsync($"{location}/assessment"));
        var answer = json.RootElement;
        var pdf = await _client.GetAsync($"{location}/report.pdf?lang=da");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = PdfText.Extract(bytes);
        // Python on the DAR CSV (ProjectApiTests): 42 addresses within 8 × H = 1,200 m, 26 of them within 6 × H = 900 m.
        Assert.Contains("Sagsrapport: Høng vest", text);
        Assert.Contains("Boliger inden for ringene 42", text);
        Assert.Contains("Husstande med salgsoption 26", text);
        // The 42 neighbours do not fit on the first pages: the table continues with its header repeated.
        Assert.True(PdfText.Pages(bytes) >= 3);
        Assert.True(text.Split("Adresse Afstand").Length - 1 >= 2, "the neighbour table's header is repeated on the next page");
        foreach (var ruleSet in answer.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray())
            Assert.Contains(ruleSet.GetString()!, text);

        var html = await _client.GetAsync($"{location}/report.html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var page = WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Case report: Høng vest</h1>", page);
        Assert.Contains("<dt>Dwellings within the rings</dt><dd>42</dd>", page);
    }

    [Theory]
    [InlineData("/api/projects/no-such-project/report.pdf")]
    [InlineData("/api/projects/no-such-project/report.html")]
    [InlineData("/api/projects/NOT_AN_ID/report.pdf")]
    public async Task An_unknown_project_has_no_report(string path) =>
        await Problems.AssertProblemAsync(await _client.GetAsync(path), HttpStatusCode.NotFound, "id");
}
