using Microsoft.Playwright;
using static VeSiting.Api.Tests.Browser.MapPage;

namespace VeSiting.Api.Tests.Browser;

/// <summary>Compare layouts on the web map: two layouts kept from the project panel, compared, the table shown, the map switched between them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompareLayoutsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Two_kept_layouts_are_compared_in_the_panel_and_the_map_switches_between_them()
    {
        var page = await OpenAsync(fixture, "13.5/55.481/11.1916", 1400, 900);
        await page.GetByTestId("mode-turbine").ClickAsync();
        await page.GetByTestId("permit").FillAsync("2026-06-01");
        // Layout A: journey 1's turbine (E 638,500, N 6,150,500; 42 addresses within 8 × H = 1,200 m).
        await ClickAtAsync(page, 11.191610543, 55.480984828);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await page.GetByTestId("compare-keep").ClickAsync();
        // Layout B: the same turbine 800 m east.
        await page.GetByTestId("clear-project").ClickAsync();
        await ClickAtAsync(page, 11.2044, 55.4810);
        await Assertions.Expect(page.GetByTestId("answer-title")).ToHaveTextAsync("planned project", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await page.GetByTestId("compare-keep").ClickAsync();
        await Assertions.Expect(page.GetByTestId("compare-kept")).ToContainTextAsync("2 layout(s) kept");

        await page.GetByTestId("compare-run").ClickAsync();

        await Assertions.Expect(page.GetByTestId("compare-table")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        // Layout A's column of the 8 × H row: the 42 addresses of its own answer.
        await Assertions.Expect(page.Locator("[data-row='dwellings-within-8h'] td").Nth(1)).ToContainTextAsync("42");
        Assert.True(await page.GetByTestId("compare-row").CountAsync() >= 15);
        await Assertions.Expect(page.GetByTestId("compare-differences")).ToContainTextAsync("Layout");
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.compareLayout === 'A'");

        await page.GetByTestId("compare-switch-B").ClickAsync();

        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.compareLayout === 'B'");
        await IdleAsync(page);
        var shown = await page.EvaluateAsync<string[]>("() => [...new Set(window.vesitingMap.queryRenderedFeatures({ layers: ['compare-dwellings'] }).map(f => f.properties.layout))]");
        Assert.Equal(["B"], shown);
        await ShotAsync(page, "compare-layouts.png");
    }
}
