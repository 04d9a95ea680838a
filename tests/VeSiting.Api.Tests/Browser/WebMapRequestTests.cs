using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>How the web map talks to the service: one request per assessment, superseded ones aborted, one site marker, errors shown and never saved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebMapRequestTests(BrowserFixture fixture)
{
    // E 638,500, N 6,150,500 (PostGIS: lon 11.191610543, lat 55.480984828): 42 addresses within 8 × H = 1,200 m (Python on the DAR CSV).
    private const double TurbineLon = 11.191610543, TurbineLat = 55.480984828;

    [Fact]
    public async Task Dragging_a_turbine_aborts_superseded_assessments_and_shows_only_the_latest_answer()
    {
        var page = await MapPage.OpenAsync(fixture, "13/55.481/11.1916");
        var projectRequests = new List<IRequest>();
        var aborted = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/assess/", StringComparison.Ordinal)) lock (projectRequests) projectRequests.Add(r); };
        page.RequestFailed += (_, r) => { if (r.Url.Contains("/api/assess/", StringComparison.Ordinal)) lock (aborted) aborted.Add(r.Failure ?? ""); };

        await page.GetByTestId("mode-turbine").ClickAsync();
        await MapPage.ClickAtAsync(page, TurbineLon, TurbineLat);
        await Assertions.Expect(page.GetByTestId("neighbour-count")).ToHaveTextAsync("42", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        lock (projectRequests)
        {
            // The answer and the rings drawn from one request.
            Assert.Single(projectRequests);
            Assert.Contains("features=true", projectRequests[0].Url, StringComparison.Ordinal);
        }

        // Every answer is held back a while, so that each request is still on its way when the next one starts.
        await page.RouteAsync("**/api/assess/project**", async route =>
        {
            await Task.Delay(3000);
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // the page aborted it meanwhile
            }
        });
        await page.EvaluateAsync("""
            () => {
              window.shownCounts = [];
              new MutationObserver(() => {
                const count = document.querySelector('[data-testid=neighbour-count]');
                if (count) window.shownCounts.push(count.textContent);
              }).observe(document.getElementById('answer'), { childList: true });
            }
            """);

        var (x, y) = await MapPage.PixelOfAsync(page, TurbineLon, TurbineLat);
        var marker = (await page.GetByTestId("turbine").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(marker.X + (marker.Width / 2), marker.Y + (marker.Height / 2));
        await page.Mouse.DownAsync();
        foreach (var step in new[] { 40, 80, 120, 160 })
        {
            await page.Mouse.MoveAsync(x + step, y + (step / 2), new MouseMoveOptions { Steps = 4 });
            await page.WaitForTimeoutAsync(400); // a pause while dragging: the project is assessed where the turbine rests
        }
        await page.Mouse.UpAsync();

        await page.WaitForFunctionAsync("() => window.shownCounts.length > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(3500); // time for any older answer to arrive, had it not been aborted

        IRequest latest;
        lock (projectRequests)
        {
            Assert.True(projectRequests.Count >= 4, $"{projectRequests.Count} assessments while dragging");
            latest = projectRequests[^1];
        }
        lock (aborted)
        {
            Assert.True(aborted.Count >= 2, $"{aborted.Count} superseded assessments aborted");
            Assert.All(aborted, failure => Assert.Contains("ERR_ABORTED", failure, StringComparison.Ordinal));
        }
        var shown = await page.EvaluateAsync<string[]>("() => window.shownCounts");
        var only = Assert.Single(shown);

        // The one answer shown is the service's answer for where the turbine was let go.
        using var client = new HttpClient();
        var response = await client.PostAsync($"{fixture.BaseUrl}/api/assess/project", new StringContent(latest.PostData!, Encoding.UTF8, "application/geo+json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(answer.RootElement.GetProperty("dwellings").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), only);
        Assert.NotEqual("42", only); // it moved: the first answer is not what is shown
        await MapPage.ShotAsync(page, "dragged-turbine.png");

        // Clearing the project removes its marker and its drawing.
        await page.GetByTestId("clear-project").ClickAsync();
        await Assertions.Expect(page.GetByTestId("turbine")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.vesitingMap.getSource('project').serialize().data.features.length"));
    }

    [Fact]
    public async Task A_new_site_replaces_the_marker_of_the_last_one()
    {
        var page = await MapPage.OpenAsync(fixture, "14/55.6659/12.6184");
        await MapPage.ClickAtAsync(page, 12.6183728, 55.6659010);
        await Assertions.Expect(page.GetByTestId("zone-banded-distance")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var first = await page.GetByTestId("answer-title").InnerTextAsync();
        await MapPage.ClickAtAsync(page, 12.6150, 55.6670);
        await Assertions.Expect(page.GetByTestId("answer-title")).Not.ToHaveTextAsync(first, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("site-marker")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_failed_export_shows_the_problem_and_saves_no_file()
    {
        var page = await MapPage.OpenAsync(fixture, "10/55.40/10.39");
        var downloads = 0;
        page.Download += (_, _) => Interlocked.Increment(ref downloads);
        await page.GetByTestId("siting-profile").SelectOptionAsync("greenhouse");
        await page.GetByTestId("siting-area").FillAsync("atlantis");
        await page.GetByTestId("siting-csv").ClickAsync();

        // The service's own words for the same request.
        using var client = new HttpClient();
        var response = await client.PostAsync($"{fixture.BaseUrl}/api/sites?format=csv",
            new StringContent("""{"profileId":"greenhouse","area":"atlantis","cell":1000}""", Encoding.UTF8, "application/json"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("atlantis", detail, StringComparison.Ordinal);

        await Assertions.Expect(page.GetByTestId("siting-export-problem")).ToHaveTextAsync(detail, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, downloads);
    }
}
