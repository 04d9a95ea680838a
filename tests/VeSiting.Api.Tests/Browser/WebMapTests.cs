using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The web map in headless Chromium: it loads, tiles arrive, a click answers, a planned turbine shows its neighbours.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebMapTests(BrowserFixture fixture)
{
    private Task<IPage> OpenAsync(string hash, int width = 1280, int height = 800) => MapPage.OpenAsync(fixture, hash, width, height);

    private static Task IdleAsync(IPage page) => MapPage.IdleAsync(page);

    private static Task ClickAtAsync(IPage page, double lon, double lat) => MapPage.ClickAtAsync(page, lon, lat);

    private static Task ShotAsync(IPage page, string name) => MapPage.ShotAsync(page, name);

    [Fact]
    public async Task The_map_loads_its_tiles_and_shows_plants_and_boundaries()
    {
        var tileResponses = new List<int>();
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.Response += (_, r) => { if (r.Url.Contains("/tiles/")) lock (tileResponses) tileResponses.Add(r.Status); };
        await page.GotoAsync($"{fixture.BaseUrl}/#9/56.30/8.45");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await IdleAsync(page);

        Assert.NotEmpty(tileResponses);
        Assert.All(tileResponses, status => Assert.Equal(200, status));
        var plants = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['plants'] }).length");
        var boundaries = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['municipalities-line'] }).length");
        Assert.True(plants > 20, $"{plants} plants drawn around Holstebro/Ringkøbing");
        Assert.True(boundaries > 0);
        Assert.Contains("Energistyrelsen", await page.Locator(".maplibregl-ctrl-attrib").InnerTextAsync());
        await ShotAsync(page, "map-west-jutland.png");
    }

    [Fact]
    public async Task Clicking_an_address_in_Copenhagen_shows_zone_A_and_the_prices()
    {
        var page = await OpenAsync("14/55.6659/12.6184");
        await ClickAtAsync(page, 12.6183728, 55.6659010);

        // The nearest covered turbine is 1,459 m away (< 2 km): zone A of the banded scenario.
        await Assertions.Expect(page.GetByTestId("zone-banded-distance")).ToHaveTextAsync("Zone A proposal", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        var tariff = await page.GetByTestId("tariff-banded-distance").InnerTextAsync();
        // DKK/kWh before → after, written the English way on an English page (a Danish page writes 1,42 → 1,05).
        Assert.Contains("1.42", tariff);
        Assert.Contains("1.05", tariff);
        await ShotAsync(page, "site-copenhagen.png");
    }

    [Fact]
    public async Task A_planned_turbine_shows_its_rings_and_neighbour_count()
    {
        var page = await OpenAsync("13/55.481/11.1916");
        await page.GetByTestId("mode-turbine").ClickAsync();
        await page.GetByTestId("hub").FillAsync("95");
        await page.GetByTestId("rotor").FillAsync("110");
        await page.GetByTestId("mw").FillAsync("4.2");
        await page.GetByTestId("permit").FillAsync("2026-06-01");
        // E 638,500, N 6,150,500 (PostGIS: lon 11.191610543, lat 55.480984828).
        await ClickAtAsync(page, 11.191610543, 55.480984828);

        // 42 addresses within 8 × H = 1,200 m (Python on the DAR CSV), none closer than 600 m.
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("violations")).ToContainTextAsync("0 closer");
        await page.WaitForFunctionAsync("() => window.vesitingMap.querySourceFeatures('project').some(f => f.properties.kind === 'ring')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await IdleAsync(page);
        var rings = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['project-rings'] }).length");
        Assert.True(rings >= 3, $"{rings} ring features drawn");
        await ShotAsync(page, "planned-turbine.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(43, csv.Length);
    }

    [Fact]
    public async Task Searching_an_address_answers_what_it_gets()
    {
        var page = await OpenAsync("7/56/10.5");
        await page.GetByTestId("search").FillAsync("Eliasgade 10");
        await page.GetByTestId("search-result").First.ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("answer-title")).ToHaveTextAsync(new Regex("Eliasgade 10"), new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("ve-bonus")).ToHaveTextAsync(new Regex("0 DKK/yr"));
    }

    [Fact]
    public async Task A_planner_finds_ranked_sites_and_sees_the_suitability_raster()
    {
        var page = await OpenAsync("10/55.40/10.39");
        var rasterTiles = new List<int>();
        page.Response += (_, r) => { if (r.Url.Contains("/tiles/suitability/") && r.Url.Contains(".png")) lock (rasterTiles) rasterTiles.Add(r.Status); };
        await page.GetByTestId("siting-profile").SelectOptionAsync("greenhouse");
        await page.GetByTestId("siting-area").FillAsync("municipality:0461");
        await page.GetByTestId("siting-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("siting-ranked").Locator("tr")).ToHaveCountAsync(10, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.vesitingMap.getLayer('suitability') && window.vesitingMap.areTilesLoaded()", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await IdleAsync(page);
        Assert.Equal("raster", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayer('suitability').type"));
        lock (rasterTiles)
        {
            Assert.NotEmpty(rasterTiles);
            Assert.All(rasterTiles, status => Assert.Equal(200, status));
        }
        await ShotAsync(page, "siting.png");
    }

    [Fact]
    public async Task The_map_works_at_phone_width()
    {
        var page = await OpenAsync("12/55.6659/12.6184", width: 390, height: 844);
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        var panel = (await page.Locator("#panel").BoundingBoxAsync())!;
        Assert.True(map.Width >= 380, "the map spans the phone's width");
        Assert.True(panel.Y >= map.Y + map.Height - 1, "the panel sits below the map");
        await ShotAsync(page, "phone.png");
    }
}
