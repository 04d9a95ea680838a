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
}
