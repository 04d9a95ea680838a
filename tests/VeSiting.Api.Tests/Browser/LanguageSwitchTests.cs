using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The web map in Danish: the browser's language chooses it, the switch changes it and is remembered, answers arrive in it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageSwitchTests(BrowserFixture fixture)
{
    // 300 m east of turbine 570715000000045608 (connected 1997-07-17, H = 70 m, older than every period of the schemes):
    // E 504330.19, N 6122243.80 in EPSG:25832 is lon 9.068111, lat 55.246675 (pyproj).
    private const double Lon = 9.068111, Lat = 55.246675;

    private async Task<IPage> OpenAsync(string locale)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = locale });
        await page.GotoAsync($"{fixture.BaseUrl}/#14/{MapPage.F(Lat)}/{MapPage.F(Lon)}");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return page;
    }

    [Fact]
    public async Task Switching_to_danish_shows_danish_labels_and_a_danish_why()
    {
        var page = await OpenAsync("en-GB");
        await Assertions.Expect(page.GetByTestId("mode-turbine")).ToHaveTextAsync("Plan turbine");
        await page.GetByTestId("language").SelectOptionAsync("da");
        await page.WaitForSelectorAsync("html[lang=da]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await MapPage.IdleAsync(page);

        await Assertions.Expect(page.GetByTestId("mode-turbine")).ToHaveTextAsync("Planlæg vindmølle");
        await Assertions.Expect(page.GetByTestId("search")).ToHaveAttributeAsync("placeholder", "Søg en adresse, fx Eliasgade 10");

        await MapPage.ClickAtAsync(page, Lon, Lat);
        await Assertions.Expect(page.GetByTestId("schemes-title")).ToHaveTextAsync("Naboordninger", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        var whys = await page.GetByTestId("finding-why").AllInnerTextsAsync();
        Assert.Contains(whys, w => w.StartsWith("ikke omfattet: ordningen gælder for tilladelser fra 2020-06-01", StringComparison.Ordinal));
        Assert.Contains("salgsoption", await page.GetByTestId("answer").InnerTextAsync());
        await MapPage.ShotAsync(page, "site-danish.png");

        // The choice is remembered: the page opened again is Danish, and back in English after switching back.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("mode-turbine")).ToHaveTextAsync("Planlæg vindmølle", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await page.GetByTestId("language").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByTestId("mode-turbine")).ToHaveTextAsync("Plan turbine", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_danish_browser_gets_the_danish_map()
    {
        var page = await OpenAsync("da-DK");
        await Assertions.Expect(page.GetByTestId("mode-inspect")).ToHaveTextAsync("Undersøg");
        Assert.Equal("da", await page.GetByTestId("language").InputValueAsync());
    }

    [Fact]
    public async Task The_noise_bands_the_comparison_and_the_case_report_speak_danish()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "da-DK" });
        await page.GotoAsync($"{fixture.BaseUrl}/#14/55.481/11.1916");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.GetByTestId("mode-turbine").ClickAsync();
        await page.GetByTestId("permit").FillAsync("2026-06-01");
        // Journey 1's turbine (E 638,500, N 6,150,500): 42 addresses within 8 × H = 1,200 m.
        await MapPage.ClickAtAsync(page, 11.191610543, 55.480984828);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });

        // The expected words are the Danish catalogue's (wwwroot/i18n/da.json), the longest fixed part of each text.
        await Assertions.Expect(page.GetByTestId("layout-bands-status")).ToContainTextAsync(Longest("noise.summary"), new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("layout-bands-status")).ToContainTextAsync(Longest("noise.status"));
        await Assertions.Expect(page.GetByTestId("export-report")).ToHaveTextAsync(Danish["project.report-button"]);
        await Assertions.Expect(page.GetByTestId("export-report")).ToHaveAttributeAsync("title", Danish["project.report-title"]);
        await Assertions.Expect(page.GetByTestId("compare-keep")).ToHaveTextAsync(Danish["compare.keep"]);
        await Assertions.Expect(page.GetByTestId("compare-run")).ToHaveTextAsync(Danish["compare.run"]);
        await Assertions.Expect(page.GetByTestId("compare-kept")).ToContainTextAsync(Longest("compare.kept"));
        await page.GetByTestId("compare-keep").ClickAsync();
        await Assertions.Expect(page.GetByTestId("compare-kept")).ToHaveTextAsync(Danish["compare.kept"].Replace("{count}", "1", StringComparison.Ordinal));
        Assert.Contains(Danish["compare.title"], await page.Locator("#compare h3").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Danish = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(
        Path.Combine(Root(), "src", "VeSiting.Api", "wwwroot", "i18n", "da.json")))!;

    /// <summary>The longest part of a Danish text between its placeholders.</summary>
    private static string Longest(string key) => Placeholder().Split(Danish[key]).OrderByDescending(p => p.Length).First().Trim();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VeSiting.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VeSiting.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
