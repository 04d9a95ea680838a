using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The suitability panel: the raster's legend from the service, a clicked cell's criterion values, weights posted as a profile.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SuitabilityPanelTests(BrowserFixture fixture)
{
    private const string Odense = "municipality:0461";

    private async Task FindSitesAsync(IPage page)
    {
        await page.GetByTestId("siting-profile").SelectOptionAsync("greenhouse");
        await page.GetByTestId("siting-area").FillAsync(Odense);
        await Assertions.Expect(page.GetByTestId("weight-dwelling-distance")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_legend_comes_from_the_service_and_a_clicked_cell_shows_every_criterions_value()
    {
        using var client = new HttpClient();
        using var legend = JsonDocument.Parse(await client.GetStringAsync($"{fixture.BaseUrl}/api/legend"));
        var labels = legend.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "suitability")
            .GetProperty("legend").EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToList();
        // The cell the service reads at lon 10.39, lat 55.40 from Odense's greenhouse raster at 1 km.
        using var cell = JsonDocument.Parse(await client.GetStringAsync($"{fixture.BaseUrl}/api/sites/cell?profile=greenhouse&area={Odense}&cell=1000&lat=55.40&lon=10.39"));
        var expected = cell.RootElement;
        var centre = expected.GetProperty("position");

        var page = await MapPage.OpenAsync(fixture, "11/55.40/10.39");
        await FindSitesAsync(page);
        await page.GetByTestId("siting-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("siting-ranked").Locator("tr")).ToHaveCountAsync(10, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        var shownLegend = await page.GetByTestId("suitability-legend").InnerTextAsync();
        Assert.All(labels, label => Assert.Contains(label, shownLegend, StringComparison.Ordinal));

        await page.GetByTestId("mode-suitability").ClickAsync();
        await MapPage.ClickAtAsync(page, centre.GetProperty("lon").GetDouble(), centre.GetProperty("lat").GetDouble());
        await Assertions.Expect(page.GetByTestId("cell-id")).ToHaveAttributeAsync("data-cell", expected.GetProperty("cell").GetString()!, new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        // 1 km cells aligned to whole kilometres: lon 10.39, lat 55.40 is E 588,026, N 6,140,183 (gdaltransform), in the cell whose south-west corner is (588,000, 6,140,000).
        Assert.Equal("588000_6140000", expected.GetProperty("cell").GetString());

        var rows = page.GetByTestId("cell-value");
        var criteria = expected.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["power-price", "heat-distance", "renewable-mw", "population", "dwelling-distance"], criteria.Select(v => v.GetProperty("criterion").GetString()));
        await Assertions.Expect(rows).ToHaveCountAsync(criteria.Count);
        for (var i = 0; i < criteria.Count; i++)
        {
            Assert.Equal(criteria[i].GetProperty("criterion").GetString(), await rows.Nth(i).GetAttributeAsync("data-criterion"));
            var value = criteria[i].GetProperty("value");
            var shown = await rows.Nth(i).GetAttributeAsync("data-value");
            if (value.ValueKind == JsonValueKind.Null)
                Assert.Equal("", shown);
            else
                Assert.Equal(value.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 6);
        }
        await MapPage.ShotAsync(page, "suitability-cell.png");
    }

    [Fact]
    public async Task Changed_weights_are_posted_as_a_profile_and_the_ranking_follows_them()
    {
        var page = await MapPage.OpenAsync(fixture, "10/55.40/10.39");
        var posted = new List<string>();
        page.Request += (_, r) => { if (r.Method == "POST" && r.Url.Contains("/api/sites", StringComparison.Ordinal)) lock (posted) posted.Add(r.PostData!); };
        await FindSitesAsync(page);
        foreach (var criterion in new[] { "power-price", "heat-distance", "renewable-mw", "population" })
            await page.GetByTestId($"weight-{criterion}").FillAsync("0");
        await page.GetByTestId("weight-dwelling-distance").FillAsync("1");
        await page.GetByTestId("siting-run").ClickAsync();
        var ranked = page.GetByTestId("siting-ranked").Locator("tr");
        await Assertions.Expect(ranked).ToHaveCountAsync(10, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });

        using var body = JsonDocument.Parse(Assert.Single(posted));
        var profile = body.RootElement.GetProperty("profile");
        Assert.Equal("greenhouse", profile.GetProperty("id").GetString());
        Assert.Equal([0, 0, 0, 0, 1], profile.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("weight").GetDouble()));
        Assert.Equal(Odense, body.RootElement.GetProperty("area").GetString());

        // Only dwelling distance counts, scored from 0 at 0 m to 100 at 300 m and more (greenhouse.json): Odense has
        // fields 300 m from any dwelling, so the best sites score 100.
        Assert.Equal(100, double.Parse((await ranked.First.GetAttributeAsync("data-score"))!, CultureInfo.InvariantCulture), 3);
        Assert.Contains("your weights", await page.GetByTestId("siting-summary").InnerTextAsync(), StringComparison.Ordinal);
        // An evenly good area is listed as places, each with its area (1 km cells: 100 ha each) and why, not as ten neighbouring cells.
        await Assertions.Expect(page.GetByTestId("siting-places")).ToContainTextAsync("Places, not cells");
        for (var i = 0; i < 10; i++)
        {
            var area = double.Parse((await ranked.Nth(i).GetAttributeAsync("data-area-ha"))!, CultureInfo.InvariantCulture);
            Assert.True(area >= 100 && area % 100 == 0, $"place {i + 1}: {area} ha");
            Assert.Contains("contiguous cell(s) of 1,000 m", await ranked.Nth(i).InnerTextAsync(), StringComparison.Ordinal);
        }
        // The ranked sites are drawn on the map.
        Assert.Equal(10, await page.EvaluateAsync<int>("() => window.vesitingMap.getSource('siting-ranked').serialize().data.features.length"));
        await MapPage.ShotAsync(page, "suitability-weights.png");
    }
}
