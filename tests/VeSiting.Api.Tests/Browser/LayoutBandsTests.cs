using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>Dragging a planned turbine redraws its noise and flicker bands and refills the neighbour table's noise and flicker columns.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutBandsTests(BrowserFixture fixture)
{
    // E 638,500, N 6,150,500 (PostGIS: lon 11.191610543, lat 55.480984828), user journey 1's turbine west of Høng.
    private const double TurbineLon = 11.191610543, TurbineLat = 55.480984828;

    private const string BandsDrawn = "() => (window.vesitingMap.getSource('layout-bands')?.serialize().data.features ?? []).some(f => f.properties.kind === 'noise-band')";
    private const string ColumnsFilled = "() => { const cells = [...document.querySelectorAll('[data-noise-for]')]; return cells.length > 0 && cells.every(c => c.textContent !== '…'); }";

    [Fact]
    public async Task Dragging_a_turbine_moves_its_bands_and_refills_the_noise_and_flicker_columns()
    {
        var page = await MapPage.OpenAsync(fixture, "14/55.481/11.1916");
        var bandRequests = new List<IRequest>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/noise-bands", StringComparison.Ordinal)) lock (bandRequests) bandRequests.Add(r); };

        await page.GetByTestId("mode-turbine").ClickAsync();
        await MapPage.ClickAtAsync(page, TurbineLon, TurbineLat);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync(BandsDrawn, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync(ColumnsFilled, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var before = await Shown(page);
        await AssertShownIsTheServicesAnswerAsync(page, LastBody(bandRequests));

        // Drag the marker (the same pointer events a person makes), resting now and then so the bands are asked for on the way.
        var (x, y) = await MapPage.PixelOfAsync(page, TurbineLon, TurbineLat);
        var marker = (await page.GetByTestId("turbine").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(marker.X + (marker.Width / 2), marker.Y + (marker.Height / 2));
        await page.Mouse.DownAsync();
        foreach (var step in new[] { 40, 80, 120, 160 })
        {
            await page.Mouse.MoveAsync(x + step, y + (step / 2), new MouseMoveOptions { Steps = 4 });
            await page.WaitForTimeoutAsync(300);
        }
        await page.Mouse.UpAsync();

        await page.WaitForFunctionAsync($"() => ({BandsDrawn})() && JSON.stringify(window.vesitingMap.getSource('layout-bands').serialize().data.features.find(f => f.properties.band === 'noise-sensitive-8')?.geometry) !== {JsonSerializer.Serialize(before.Band)}",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync(ColumnsFilled, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(1000); // any last answer on its way lands
        var after = await Shown(page);
        lock (bandRequests)
            Assert.True(bandRequests.Count >= 2, $"{bandRequests.Count} band requests");
        Assert.NotEqual(before.Band, after.Band);
        Assert.NotEqual(before.Cells, after.Cells);
        await AssertShownIsTheServicesAnswerAsync(page, LastBody(bandRequests));
        await MapPage.ShotAsync(page, "layout-bands-dragged.png");
    }

    private static string LastBody(List<IRequest> requests)
    {
        lock (requests)
            return requests[^1].PostData!;
    }

    private static async Task<(string Band, string Cells)> Shown(IPage page)
    {
        var band = await page.EvaluateAsync<string>("() => JSON.stringify(window.vesitingMap.getSource('layout-bands').serialize().data.features.find(f => f.properties.band === 'noise-sensitive-8')?.geometry)");
        var cells = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('[data-noise-for],[data-flicker-for]')].map(c => (c.dataset.noiseFor ?? c.dataset.flickerFor) + '=' + c.textContent).join(';')");
        return (band, cells);
    }

    /// <summary>Every filled noise and flicker cell shows the service's answer for the layout last posted (formatted as the map formats numbers).</summary>
    private async Task AssertShownIsTheServicesAnswerAsync(IPage page, string body)
    {
        using var client = new HttpClient();
        var response = await client.PostAsync($"{fixture.BaseUrl}/api/noise-bands", new StringContent(body, Encoding.UTF8, "application/geo+json"));
        var answer = await response.Content.ReadAsStringAsync();
        var mismatches = await page.EvaluateAsync<string[]>("""
            (answer) => {
              const dwellings = new Map(JSON.parse(answer).features.filter(f => f.properties.kind === 'dwelling').map(f => [f.properties.address_id, f.properties]));
              const f = (n) => Number(n).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }); // an English page
              const wrong = [];
              for (const c of document.querySelectorAll('[data-noise-for]')) {
                const d = dwellings.get(c.dataset.noiseFor);
                const expected = d?.noise_8ms_dba == null ? '–' : f(d.noise_8ms_dba);
                if (c.textContent !== expected) wrong.push(`${c.dataset.noiseFor}: ${c.textContent} ≠ ${expected}`);
              }
              for (const c of document.querySelectorAll('[data-flicker-for]')) {
                const d = dwellings.get(c.dataset.flickerFor);
                const expected = d ? f(d.flicker_expected_h) : '–';
                if (c.textContent !== expected) wrong.push(`${c.dataset.flickerFor}: ${c.textContent} ≠ ${expected}`);
              }
              return wrong;
            }
            """, answer);
        Assert.Empty(mismatches);
        Assert.Contains("noise-band", answer, StringComparison.Ordinal);
    }
}
