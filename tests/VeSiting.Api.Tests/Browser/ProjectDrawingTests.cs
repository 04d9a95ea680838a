using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>Projects drawn as projects on the web map: hovering one turbine of a park highlights all its members.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectDrawingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Hovering_a_turbine_of_the_park_near_Thisted_highlights_its_eight_members()
    {
        var page = await MapPage.OpenAsync(fixture, "12.5/57.0262/8.7570", 1400, 900);
        // Turbine 570715000002024946 of project inferred:570715000002024939 (8 turbines, GET /api/assess/plant/…939).
        var (x, y) = await MapPage.PixelOfAsync(page, 8.7580531, 57.0257376);
        await page.Mouse.MoveAsync(x, y);

        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.highlightedProject === 'inferred:570715000002024939'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await MapPage.IdleAsync(page);
        var highlighted = await page.EvaluateAsync<int>("() => new Set(window.vesitingMap.queryRenderedFeatures({ layers: ['project-highlight-plants'] }).map(f => f.properties.id)).size");
        Assert.Equal(8, highlighted);
        // Its rings: one outline per scheme ring (the tiles may split an outline at their edges, never per turbine).
        var rings = await page.EvaluateAsync<string[]>("() => window.vesitingMap.queryRenderedFeatures({ layers: ['project-highlight-rings'] }).map(f => f.properties.ring + ':' + f.properties.plants)");
        Assert.NotEmpty(rings);
        Assert.All(rings, r => Assert.EndsWith(":8", r));
        await MapPage.ShotAsync(page, "project-hover-thisted.png");
    }
}
