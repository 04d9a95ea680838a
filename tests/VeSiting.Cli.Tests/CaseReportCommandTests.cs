using VeSiting.Api.Tests.Reports;
using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting assess project … --format pdf|html --out FILE</c>: the case report written to a file.</summary>
public sealed class CaseReportCommandTests : IDisposable
{
    private static readonly string[] Journey1 =
        ["assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2026-06-01",
         "--name", "Høng vest", "--year", "2026", "--today", "2026-11-26", "--flicker-year", "2025"];

    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_danish_pdf_is_written_with_journey_1s_figures()
    {
        var file = Path.Combine(_folder, "sagsrapport.pdf");
        var run = await CliRun.Of([.. Journey1, "--format", "pdf", "--out", file, "--lang", "da"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Contains(file, run.Error);
        var text = PdfText.Extract(await File.ReadAllBytesAsync(file));
        Assert.Contains("Sagsrapport: Høng vest", text);
        // 26 addresses within 900 m and 42 within 1,200 m (Python on the DAR CSV); none within 600 m.
        Assert.Contains("Boliger inden for ringene 42", text);
        Assert.Contains("4–6 × H: salgsoption 26 (26 husstande)", text);
        Assert.Contains("6–8 × H: VE-bonus 16 (16 husstande)", text);
        Assert.Contains("Inden for minimumsafstanden 0", text);
        // 1.5 % of 4,200 kW = 63 kW shared by 42 households → 1.5 kW each; 1.5 / 4,200 × 12,600,000 kWh × 0.60 DKK/kWh = 2,700 DKK a year each.
        Assert.Contains("VE-bonus 2.700 kr. × 42 = 113.400 kr.", text);
        // 4.2 MW × 313,000 DKK/MW (green pool rules from 1 July 2024).
        Assert.Contains("Grøn pulje i alt, kr. 1.314.600", text);
        Assert.Contains("green-pool@2024-07.1", text);
        Assert.Contains("© OpenStreetMap contributors", text);
    }

    [Fact]
    public async Task The_html_page_is_written_in_english()
    {
        var file = Path.Combine(_folder, "report.html");
        var run = await CliRun.Of([.. Journey1, "--format", "html", "--out", file]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var html = System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(file));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<dt>Dwellings within the rings</dt><dd>42</dd>", html);
        Assert.Contains("<dt>In all, DKK a year</dt><dd>113,400</dd>", html);
        Assert.Contains("src=\"data:image/png;base64,", html);
    }

    [Fact]
    public async Task A_layout_files_name_names_the_report_as_the_service_does()
    {
        // Journey 1's turbine as a layout file named by its GeoJSON "name" (POST /api/assess/project reads it so).
        var layout = Path.Combine(_folder, "layout.geojson");
        await File.WriteAllTextAsync(layout, """
            {"type":"FeatureCollection","name":"Høng vest","permit_date":"2026-06-01","features":[
             {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
            """);
        var file = Path.Combine(_folder, "named.html");

        var run = await CliRun.Of("assess", "project", "--file", layout, "--year", "2026", "--today", "2026-11-26", "--format", "html", "--out", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("the case report of Høng vest", run.Error);
        Assert.Contains("Case report: Høng vest", System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(file)));
    }

    [Fact]
    public async Task The_danish_report_holds_no_sentence_only_the_english_catalogue_has()
    {
        // The rules page too: assumptions, address data, household basis, unconfirmed values are rendered in the report's language.
        var english = Literals("en");
        var danishText = string.Join("\n", Literals("da"));
        var englishOnly = english.Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3)
            .Where(l => !danishText.Contains(l, StringComparison.Ordinal)).Distinct().ToList();
        var da = Path.Combine(_folder, "da.html");
        var en = Path.Combine(_folder, "en.html");
        Assert.Equal(ExitCodes.Ok, (await CliRun.Of([.. Journey1, "--format", "html", "--out", da, "--lang", "da"])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRun.Of([.. Journey1, "--format", "html", "--out", en, "--lang", "en"])).ExitCode);
        var danish = System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(da));
        var inEnglish = System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(en));

        Assert.Contains(englishOnly, p => inEnglish.Contains(p, StringComparison.Ordinal));
        var found = englishOnly.Where(p => danish.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"English in the Danish report: {string.Join(" | ", found)}");
        Assert.Contains("husstand", danish[danish.IndexOf("Husstande talt ud fra", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>The literal parts (between placeholders) of a core catalogue's templates, trimmed of punctuation.</summary>
    private static IEnumerable<string> Literals(string language)
    {
        var file = Path.Combine(ProjectLayout.Locate().Root, "src", "VeSiting.Core", "Explanations", "Messages", $"{language}.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        return [.. json.RootElement.GetProperty("messages").EnumerateObject()
            .SelectMany(m => System.Text.RegularExpressions.Regex.Split(m.Value.GetString()!, @"\{[^}]*\}"))
            .Select(l => l.Trim(' ', ';', ':', ',', '(', ')', '.')).Where(l => l.Length > 0)];
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--format", "pdf", "--out", "x.pdf", "--lang", "de")]
    [InlineData("--format", "json", "--out", "x.pdf")]
    public async Task A_report_option_out_of_place_is_a_usage_error(params string[] options)
    {
        var run = await CliRun.Of([.. Journey1, .. options]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(File.Exists("x.pdf"));
    }
}
