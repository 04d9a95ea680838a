using Microsoft.Playwright;
using VeSiting.Api.Tests.Api;
using static VeSiting.Api.Tests.Browser.MapPage;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The service with a firms layer added (<see cref="FirmsLayer"/>: two firms on Samsø, one near Thisted).</summary>
public sealed class FirmsBrowserFixture : BrowserFixture
{
    private readonly string _cache;

    public FirmsBrowserFixture() : this(FirmsLayer.NewCache()) { }

    private FirmsBrowserFixture(string cache) : base(("VeSiting:CacheDirectory", cache), ("VeSiting:StateDirectory", Path.Combine(cache, "state"))) => _cache = cache;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }
}

/// <summary>
/// A user's firms on the web map: drawn from the <c>firms</c> tile layer (toggle and legend from /api/legend), a clicked firm's
/// kWh, zone and saving in the answer panel, and the impact panel's zone and municipality rows counting the firms.
/// </summary>
public sealed class FirmsOnTheMapTests(FirmsBrowserFixture fixture) : IClassFixture<FirmsBrowserFixture>
{
    [Fact]
    public async Task The_firms_are_drawn_a_click_shows_one_and_the_impact_panel_counts_them()
    {
        var page = await OpenAsync(fixture, "16/55.8578/10.6088", 1400, 900);

        var drawn = await page.EvaluateAsync<string[]>("() => [...new Set(window.vesitingMap.queryRenderedFeatures({ layers: ['firms'] }).map((f) => f.properties.id))].sort()");
        Assert.Equal(["S1", "S2"], drawn);
        await Assertions.Expect(page.GetByTestId("legend")).ToContainTextAsync("Your firms by zone (proposal)");
        await Assertions.Expect(page.GetByTestId("legend")).ToContainTextAsync("Firm in zone A (proposal)");
        Assert.True(await page.GetByTestId("toggle-firms").IsCheckedAsync());
        // Sized by annual kWh, as the legend's style says: the 900,000 kWh firm is drawn larger than the 300,000 kWh one.
        var radii = await page.EvaluateAsync<double[]>("""
            () => ['S1', 'S2'].map((id) => {
              const f = window.vesitingMap.queryRenderedFeatures({ layers: ['firms'] }).find((x) => x.properties.id === id);
              return f.layer.paint['circle-radius'];
            })
            """);
        Assert.True(radii[0] > radii[1], $"S1 {radii[0]} px, S2 {radii[1]} px");

        await ClickAtAsync(page, 10.6087, 55.8576);

        await Assertions.Expect(page.GetByTestId("answer-title")).ToHaveTextAsync("Gartneri", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("firm-kwh")).ToContainTextAsync("900,000 kWh");
        await Assertions.Expect(page.GetByTestId("firm-zone")).ToContainTextAsync("proposal");
        await Assertions.Expect(page.GetByTestId("firm-saves")).ToContainTextAsync("DKK/yr");

        await page.GetByTestId("impact-area").FillAsync("municipality:741");
        await page.GetByTestId("impact-run").ClickAsync();

        await Assertions.Expect(page.GetByTestId("impact-zones")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 120_000 });
        var firmsPerZone = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('[data-testid=impact-zone]')].map((r) => Number(r.dataset.firms))");
        Assert.Equal(2, firmsPerZone.Sum());
        var samsoe = page.Locator("[data-testid=impact-municipality][data-code='0741']");
        Assert.Equal(("2", "1200000"), (await samsoe.GetAttributeAsync("data-firms"), await samsoe.GetAttributeAsync("data-firm-kwh")));
        await Assertions.Expect(page.GetByTestId("impact-who-pays")).ToBeVisibleAsync();
        // The zone the clicked firm is in holds it in the panel.
        var zone = await page.EvaluateAsync<string>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['firms'] }).find((f) => f.properties.id === 'S1').properties.zone");
        Assert.True(int.Parse(await page.Locator($"[data-testid=impact-zone][data-zone='{zone}']").GetAttributeAsync("data-firms") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await ShotAsync(page, "firms-impact.png");

        // Another scenario: the panel follows the map's scenario.
        await page.GetByTestId("scenario").SelectOptionAsync("new-plants-banded");
        await Assertions.Expect(page.GetByTestId("impact-summary")).ToContainTextAsync("new", new LocatorAssertionsToContainTextOptions { Timeout = 120_000, IgnoreCase = true });
        await page.CloseAsync();
    }
}
