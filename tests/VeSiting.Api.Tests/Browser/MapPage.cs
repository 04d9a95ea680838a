using System.Globalization;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>Opening the web map in a fresh page, waiting for its tiles, clicking where a place is drawn, screenshots.</summary>
internal static class MapPage
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A new page at the map's hash (zoom/lat/lon), loaded with its tiles; fails on any script error.</summary>
    public static async Task<IPage> OpenAsync(BrowserFixture fixture, string hash, int width = 1280, int height = 800, string? locale = null)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync($"{fixture.BaseUrl}/#{hash}");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await IdleAsync(page);
        Assert.Empty(errors);
        return page;
    }

    /// <summary>Waits until MapLibre has loaded every visible tile.</summary>
    public static Task IdleAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.vesitingMap.loaded() && window.vesitingMap.areTilesLoaded()", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 250 });

    /// <summary>Where a longitude/latitude is drawn, in page pixels.</summary>
    public static async Task<(float X, float Y)> PixelOfAsync(IPage page, double lon, double lat)
    {
        var point = await page.EvaluateAsync<double[]>($"() => {{ const p = window.vesitingMap.project([{F(lon)}, {F(lat)}]); return [p.x, p.y]; }}");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        return (box.X + (float)point[0], box.Y + (float)point[1]);
    }

    /// <summary>Clicks the map where a longitude/latitude is drawn.</summary>
    public static async Task ClickAtAsync(IPage page, double lon, double lat)
    {
        var (x, y) = await PixelOfAsync(page, lon, lat);
        await page.Mouse.ClickAsync(x, y);
    }

    public static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name) });
    }

    public static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
