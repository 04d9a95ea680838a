using System.Net;
using System.Text;
using System.Text.Json;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Reports;

/// <summary>The case report of a planned layout: the PDF read back with pdftotext and the HTML page carry the JSON answer's figures.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseReportApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // User journey 1: one turbine west of Høng, hub 95 m, rotor 110 m, so H = 95 + 110/2 = 150 m; permit 1 June 2026.
    internal const string Journey1 = """
        {"type":"FeatureCollection","name":"Høng vest","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    private async Task<HttpResponseMessage> PostAsync(string query) =>
        await _client.PostAsync($"/api/assess/project?flickerYear=2025&{query}", new StringContent(Journey1, Encoding.UTF8, "application/geo+json"));

    [Fact]
    public async Task The_pdf_carries_the_figures_rules_and_attribution_of_the_json_answer()
    {
        using var json = JsonDocument.Parse(await (await PostAsync("format=json")).Content.ReadAsStringAsync());
        var answer = json.RootElement;
        var response = await PostAsync("format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("case-report-høng-vest.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = PdfText.Extract(pdf);

        // Python on the DAR CSV (ProjectApiTests): 42 addresses within 8 × H = 1,200 m, 26 within 6 × H = 900 m, none within 4 × H = 600 m.
        Assert.Contains("Dwellings within the rings 42", text);
        Assert.Contains("Households with the sales option 26", text);
        Assert.Contains("Below the minimum distance 0", text);
        foreach (var ring in answer.GetProperty("dwellings").EnumerateArray().GroupBy(d => d.GetProperty("ring").GetString()!))
            Assert.Contains($"{ring.Key} {ring.Count()}", text);
        Assert.Contains($"Households with the VE-bonus {answer.GetProperty("veBonusHouseholds").GetInt32()}", text);
        var bonus = answer.GetProperty("veBonus");
        Assert.Contains($"Per household, DKK a year {PdfText.En(bonus.GetProperty("perHouseholdDkk").GetDouble())}", text);
        Assert.Contains($"In all, DKK a year {PdfText.En(bonus.GetProperty("totalDkk").GetDouble())}", text);
        Assert.Contains($"Green pool in all, DKK {PdfText.En(answer.GetProperty("greenPoolDkk").GetDouble())}", text);
        foreach (var share in answer.GetProperty("greenPool").EnumerateArray())
            Assert.Contains(PdfText.En(share.GetProperty("dkk").GetDouble()), text);
        // Every dwelling of the neighbour table by its distance (to a decimetre) and its VE-bonus (addresses may wrap in their cell:
        // the HTML test finds them whole).
        foreach (var d in answer.GetProperty("dwellings").EnumerateArray())
        {
            Assert.Contains(d.GetProperty("distanceM").GetDouble().ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), text);
            Assert.Contains(PdfText.En(d.GetProperty("veBonusDkkPerYear").GetDouble()), text);
        }
        foreach (var ruleSet in answer.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray())
            Assert.Contains(ruleSet.GetString()!, text);
        foreach (var line in answer.GetProperty("attribution").EnumerateArray())
            Assert.Contains(PdfText.Collapse(line.GetString()!), text);
        foreach (var unconfirmed in answer.GetProperty("provenance").GetProperty("unconfirmed").EnumerateArray())
            Assert.Contains(PdfText.Collapse(unconfirmed.GetString()!), text);
        Assert.Contains("VE-bonus amounts estimate", text);
        Assert.Contains("rings law (a rule in force)", text);
        Assert.Contains(PdfText.Collapse(answer.GetProperty("noise").GetProperty("ruleSet").GetString()!), text);
    }

    [Fact]
    public async Task The_danish_report_writes_danish_words_and_numbers()
    {
        var response = await PostAsync("format=pdf&lang=da");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PdfText.Extract(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Sagsrapport: Høng vest", text);
        Assert.Contains("Husstande med salgsoption 26", text);
        Assert.Contains("Grøn pulje pr. kommune", text);
        Assert.Contains("Støj", text);
        Assert.Contains("Skyggekast", text);
        // Reasons through the Danish catalogue.
        Assert.Contains("Regler og data bag hvert tal", text);
    }

    [Fact]
    public async Task The_html_page_is_self_contained_and_carries_the_same_figures()
    {
        using var json = JsonDocument.Parse(await (await PostAsync("format=json")).Content.ReadAsStringAsync());
        var answer = json.RootElement;
        var response = await PostAsync("format=html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<img alt=", html);
        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=\"http", html);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<dt>Dwellings within the rings</dt><dd>42</dd>", text);
        Assert.Contains($"<dt>In all, DKK a year</dt><dd>{PdfText.En(answer.GetProperty("veBonus").GetProperty("totalDkk").GetDouble())}</dd>", text);
        foreach (var ruleSet in answer.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray())
            Assert.Contains(ruleSet.GetString()!, text);
        foreach (var line in answer.GetProperty("attribution").EnumerateArray())
            Assert.Contains(line.GetString()!, text);
        foreach (var d in answer.GetProperty("dwellings").EnumerateArray())
            Assert.Contains(d.GetProperty("address").GetString()!, text);
    }

    [Theory]
    [InlineData("format=pdf&lang=de", "lang")]
    [InlineData("format=docx", "format")]
    public async Task A_language_or_format_the_report_does_not_have_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await PostAsync(query);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }
}
