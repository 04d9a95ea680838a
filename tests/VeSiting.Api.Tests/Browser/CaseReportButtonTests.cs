using Microsoft.Playwright;
using VeSiting.Api.Tests.Reports;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The project panel's "Case report (PDF)" button downloads the report of the project on the map.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseReportButtonTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_case_report_button_downloads_the_pdf_of_the_planned_turbine()
    {
        var page = await MapPage.OpenAsync(fixture, "13/55.481/11.1916", 1280, 800);
        await page.GetByTestId("mode-turbine").ClickAsync();
        await page.GetByTestId("hub").FillAsync("95");
        await page.GetByTestId("rotor").FillAsync("110");
        await page.GetByTestId("mw").FillAsync("4.2");
        await page.GetByTestId("permit").FillAsync("2026-06-01");
        await MapPage.ClickAtAsync(page, 11.191610543, 55.480984828);
        // 42 addresses within 8 × H = 1,200 m (Python on the DAR CSV).
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });

        await Assertions.Expect(page.GetByTestId("export-report")).ToHaveTextAsync("Case report (PDF)");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-report").ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 120_000 });
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var text = PdfText.Extract(pdf);
        Assert.Contains("Dwellings within the rings 42", text);
        Assert.Contains("Households with the sales option 26", text);
    }
}
