using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The service with reads closed (VeSiting:RequireKeyForReads) and one API key.</summary>
public sealed class ClosedReadsBrowserFixture() : BrowserFixture(("VeSiting:ApiKeys:0", ClosedReadsWebMapTests.Key), ("VeSiting:RequireKeyForReads", "true"));

/// <summary>Where reads need a key, the web map asks for it once and then loads its tiles and answers with it.</summary>
public sealed class ClosedReadsWebMapTests(ClosedReadsBrowserFixture fixture) : IClassFixture<ClosedReadsBrowserFixture>
{
    public const string Key = "closed-reads-key-0123456789";

    [Fact]
    public async Task The_map_asks_for_the_key_once_and_then_loads_tiles_with_it()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var prompts = 0;
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref prompts);
            await dialog.AcceptAsync(Key);
        };
        var tileStatuses = new List<int>();
        page.Response += (_, r) => { if (r.Url.Contains("/tiles/")) lock (tileStatuses) tileStatuses.Add(r.Status); };

        await page.GotoAsync($"{fixture.BaseUrl}/#9/56.30/8.45");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.vesitingMap.loaded() && window.vesitingMap.areTilesLoaded()", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 250 });

        Assert.Equal(1, prompts);
        Assert.NotEmpty(tileStatuses);
        Assert.All(tileStatuses, status => Assert.Equal(200, status));
        var plants = await page.EvaluateAsync<int>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['plants'] }).length");
        Assert.True(plants > 20, $"{plants} plants drawn around Holstebro/Ringkøbing");
    }

    [Fact]
    public async Task Exports_go_through_the_client_with_the_key_and_release_their_object_urls()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, AcceptDownloads = true });
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(Key);
        // Counts the object URLs the page makes and releases (the page itself is not changed).
        await page.AddInitScriptAsync("""
            (() => {
              const create = URL.createObjectURL, revoke = URL.revokeObjectURL;
              window.objectUrls = { made: 0, released: 0 };
              URL.createObjectURL = (blob) => { window.objectUrls.made++; return create(blob); };
              URL.revokeObjectURL = (url) => { window.objectUrls.released++; return revoke(url); };
            })()
            """);
        var exportKeys = new List<string?>();
        page.Request += (_, r) => { if (r.Url.Contains("format=csv", StringComparison.Ordinal)) lock (exportKeys) exportKeys.Add(r.Headers.GetValueOrDefault("x-api-key")); };
        await page.GotoAsync($"{fixture.BaseUrl}/#13/55.481/11.1916");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });

        // A planned turbine's neighbours (42 addresses within 8 × H = 1,200 m, Python on the DAR CSV).
        await page.GetByTestId("mode-turbine").ClickAsync();
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var point = await page.EvaluateAsync<double[]>("() => { const p = window.vesitingMap.project([11.191610543, 55.480984828]); return [p.x, p.y]; }");
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        var neighbours = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Equal("neighbours.csv", neighbours.SuggestedFilename);
        Assert.Equal(43, (await File.ReadAllLinesAsync((await neighbours.PathAsync())!)).Length);

        // Ranked sites of Odense as CSV: a header and the listed cells.
        await page.GetByTestId("siting-profile").SelectOptionAsync("greenhouse");
        await page.GetByTestId("siting-area").FillAsync("municipality:0461");
        var sites = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("siting-csv").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        var csv = await File.ReadAllLinesAsync((await sites.PathAsync())!);
        Assert.StartsWith("rank,site,e,n,score", csv[0], StringComparison.Ordinal);
        // Places, not cells (best cells at least 2 km apart by default): Odense's 306 km² hold a few dozen, not hundreds.
        Assert.True(csv.Length > 20, $"{csv.Length} lines");

        lock (exportKeys)
        {
            Assert.Equal(2, exportKeys.Count);
            Assert.All(exportKeys, key => Assert.Equal(Key, key));
        }
        await page.WaitForFunctionAsync("() => window.objectUrls.made === 2 && window.objectUrls.released === 2", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }
}
