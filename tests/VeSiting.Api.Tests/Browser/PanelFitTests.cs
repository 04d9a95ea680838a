using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The answer panel fits at a laptop's 1400 × 900 and a tablet's 1024 × 768, in English and in Danish (longer words): nothing in it reaches past its edges.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PanelFitTests(BrowserFixture fixture)
{
    // Every visible element of the panel whose box reaches past the panel's left or right edge, and whether the panel
    // itself scrolls sideways.
    private const string Overflowing = """
        () => {
          const panel = document.getElementById('panel');
          const box = panel.getBoundingClientRect();
          const out = [...panel.querySelectorAll('*')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
          }).map((el) => `${el.tagName}.${el.className}: ${(el.textContent || '').trim().slice(0, 40)}`);
          if (panel.scrollWidth > panel.clientWidth) out.push(`panel scrolls sideways: ${panel.scrollWidth} > ${panel.clientWidth}`);
          return out;
        }
        """;

    [Theory]
    [InlineData(1400, 900, "en-GB")]
    [InlineData(1024, 768, "en-GB")]
    [InlineData(1400, 900, "da-DK")]
    [InlineData(1024, 768, "da-DK")]
    public async Task A_site_answer_a_planned_project_and_ranked_sites_fit_the_panel(int width, int height, string locale)
    {
        var page = await MapPage.OpenAsync(fixture, "14/55.6659/12.6184", width, height, locale);
        await MapPage.ClickAtAsync(page, 12.6183728, 55.6659010);
        await Assertions.Expect(page.GetByTestId("zone-banded-distance")).ToContainTextAsync("Zone A", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflowing));
        // The nearest covered plant's 18-digit id is shortened, the full id on hover.
        var id = page.Locator("#answer .id[data-id='571313161170169709']").First;
        Assert.Equal("571313161170169709", await id.GetAttributeAsync("title"));
        Assert.True((await id.InnerTextAsync()).Length < 18);
        await MapPage.ShotAsync(page, $"panel-site-{locale}-{width}x{height}.png");

        await page.GotoAsync($"{fixture.BaseUrl}/#13/55.481/11.1916");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await MapPage.IdleAsync(page);
        await page.GetByTestId("mode-turbine").ClickAsync();
        await MapPage.ClickAtAsync(page, 11.191610543, 55.480984828);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflowing));
        await MapPage.ShotAsync(page, $"panel-project-{locale}-{width}x{height}.png");

        // Ranked sites over Odense: each row's why (the place and its two strongest criteria) wraps within the panel.
        await page.GetByTestId("siting-area").FillAsync("municipality:0461");
        await page.GetByTestId("siting-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("siting-summary")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 120_000 });
        Assert.True(await page.GetByTestId("siting-ranked").Locator("tr").CountAsync() > 0);
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflowing));
        await MapPage.ShotAsync(page, $"panel-sites-{locale}-{width}x{height}.png");
    }
}
