using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>
/// Base maps beneath VeSiting's layers: the offline map shows buildings and addresses when zoomed in; a raster template
/// (with its key) and a MapLibre style, both served here by the test, are drawn beneath the answers when chosen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BaseMapTests(BrowserFixture fixture)
{
    // A 1 × 1 magenta PNG (the map stretches it over the tile).
    private static readonly byte[] Magenta = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z/AfAAQAAf8iCjrwAAAAAElFTkSuQmCC");

    // A style with one GeoJSON polygon over Copenhagen (12.5–12.7 E, 55.6–55.75 N) filled green.
    private const string Style = """
        { "version": 8, "sources": { "land": { "type": "geojson", "attribution": "Test style base map",
            "data": { "type": "Polygon", "coordinates": [[[12.5, 55.6], [12.7, 55.6], [12.7, 55.75], [12.5, 55.75], [12.5, 55.6]]] } } },
          "layers": [ { "id": "bg", "type": "background", "paint": { "background-color": "#dfe8d8" } },
                      { "id": "land", "type": "fill", "source": "land", "paint": { "fill-color": "#33aa33" } } ] }
        """;

    [Fact]
    public async Task Zoomed_in_on_Eliasgade_the_offline_map_shows_buildings_and_addresses()
    {
        var page = await MapPage.OpenAsync(fixture, "17/55.6659/12.6184", 1400, 900);

        Assert.Equal("offline", await page.Locator("#map").GetAttributeAsync("data-base-map"));
        var buildings = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['map-detail-buildings'] }).length");
        var addresses = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['map-detail-addresses'] }).length");
        // The default data holds samples (2,471 GeoDanmark footprints, 1,326 DAR addresses): a few stand here, and are drawn.
        Assert.True(buildings > 0, $"{buildings} building footprints drawn around Eliasgade 10");
        Assert.True(addresses > 0, $"{addresses} addresses drawn around Eliasgade 10");
        await MapPage.ShotAsync(page, "offline-eliasgade-z17.png");
    }

    [Fact]
    public async Task A_raster_base_map_and_a_style_are_drawn_beneath_the_answers()
    {
        var page = await MapPage.OpenAsync(fixture, "13/55.6659/12.6184", 1400, 900);
        var tileUrls = new List<string>();
        await page.RouteAsync("http://basemap.test/**", async route =>
        {
            var url = route.Request.Url;
            if (url.EndsWith("/style.json", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = Style, Headers = Cors });
                return;
            }
            lock (tileUrls) tileUrls.Add(url);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = Magenta, Headers = Cors });
        });

        await page.GetByTestId("base-map").SelectOptionAsync(new SelectOptionValue { Label = "Test raster" });
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.baseMap === 'base-0' && window.vesitingMap.areTilesLoaded()", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await MapPage.IdleAsync(page);
        lock (tileUrls)
        {
            Assert.NotEmpty(tileUrls);
            Assert.All(tileUrls, u => Assert.Matches(@"^http://basemap\.test/tiles/\d+/\d+/\d+\.png\?token=test-token$", u));
        }
        var order = await LayerOrderAsync(page);
        Assert.True(order.IndexOf("base:raster") < order.IndexOf("tariff-zones"), string.Join(", ", order));
        Assert.True(order.IndexOf("base:raster") < order.IndexOf("plants"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayoutProperty('municipalities-fill', 'visibility')"));
        Assert.Contains("Test raster base map", await page.Locator(".maplibregl-ctrl-attrib").InnerTextAsync());
        await MapPage.ShotAsync(page, "base-map-raster.png");

        await page.GetByTestId("base-map").SelectOptionAsync(new SelectOptionValue { Label = "Test style" });
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.baseMap === 'base-1'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await MapPage.IdleAsync(page);
        order = await LayerOrderAsync(page);
        Assert.DoesNotContain("base:raster", order);
        Assert.True(order.IndexOf("base:land") < order.IndexOf("tariff-zones"), string.Join(", ", order));
        var land = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['base:land'] }).length");
        Assert.True(land > 0, "the style's polygon over Copenhagen is drawn");
        // VeSiting's own sources are untouched by the switch: the planned-project source the map added at load is still there.
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.vesitingMap.getSource('project')"));

        await page.GetByTestId("base-map").SelectOptionAsync("offline");
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.baseMap === 'offline'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.DoesNotContain(await LayerOrderAsync(page), l => l.StartsWith("base:", StringComparison.Ordinal));
        Assert.Equal("visible", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayoutProperty('municipalities-fill', 'visibility')"));
    }

    private static readonly Dictionary<string, string> Cors = new() { ["Access-Control-Allow-Origin"] = "*" };

    private static async Task<List<string>> LayerOrderAsync(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("() => window.vesitingMap.getStyle().layers.map(l => l.id)")];
}
