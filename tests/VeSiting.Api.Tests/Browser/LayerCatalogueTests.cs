using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>The map's tile layers come from <c>/api/legend</c>: its sources, tile parameters and toggles, and a layer it does not know.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayerCatalogueTests(BrowserFixture fixture)
{
    private const string SourcesJs = "() => Object.entries(window.vesitingMap.getStyle().sources).filter(([, s]) => s.type === 'vector').map(([id]) => id)";
    private const string TogglesJs = "() => [...document.querySelectorAll('#layer-switcher input')].map((i) => i.dataset.testid)";

    [Fact]
    public async Task The_sources_and_toggles_are_the_catalogue_layers_with_exactly_their_parameters()
    {
        using var http = new HttpClient();
        using var catalogue = JsonDocument.Parse(await http.GetStringAsync($"{fixture.BaseUrl}/api/legend"));
        var layers = catalogue.RootElement.EnumerateArray().Where(l => l.GetProperty("id").GetString() != "suitability").ToList();
        var ids = layers.Select(l => l.GetProperty("id").GetString()!).ToList();
        Assert.Contains("plants", ids);

        var page = await MapPage.OpenAsync(fixture, "7/56.0/10.4");

        Assert.Equal(ids, await page.EvaluateAsync<string[]>(SourcesJs));
        Assert.Equal(ids.Select(id => $"toggle-{id}"), await page.EvaluateAsync<string[]>(TogglesJs));
        foreach (var layer in layers)
        {
            var id = layer.GetProperty("id").GetString()!;
            var url = await page.EvaluateAsync<string>($"() => window.vesitingMap.getSource('{id}').tiles[0]");
            var parts = url.Split('?');
            Assert.Equal($"{fixture.BaseUrl}/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt", parts[0]);
            var named = layer.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!).Order();
            var carried = parts.Length == 1 ? Enumerable.Empty<string>() : parts[1].Split('&').Select(p => p.Split('=')[0]).Order();
            Assert.Equal(named, carried);
            Assert.True(await page.EvaluateAsync<bool>($"() => window.vesitingMap.getStyle().layers.some((l) => l.source === '{id}')"), $"no style layer draws {id}");
        }
    }

    [Fact]
    public async Task A_layer_the_map_does_not_know_gets_the_generic_look_and_a_toggle()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 700 } });
        var errors = new List<string>();
        var tileUrls = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // Two layers a new server source could add: areas with a legend, masts without one.
        await page.RouteAsync("**/api/legend", async route =>
        {
            var response = await route.FetchAsync();
            var layers = JsonNode.Parse(await response.TextAsync())!.AsArray();
            layers.Add(JsonNode.Parse("""
                { "id": "wind-areas", "title": "Wind areas", "description": "test", "minZoom": 0, "maxZoom": 14, "geometry": "polygon",
                  "parameters": ["scenario"], "styleAttribute": "kind", "vectorLayers": ["wind-areas"], "legend": [{ "value": "a", "color": "#123456", "label": "A" }] }
                """));
            layers.Add(JsonNode.Parse("""
                { "id": "masts", "title": "Masts", "description": "test", "minZoom": 0, "maxZoom": 14, "geometry": "point",
                  "parameters": [], "styleAttribute": "", "vectorLayers": ["masts"], "legend": [] }
                """));
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = layers.ToJsonString() });
        });
        await page.RouteAsync(new Regex("/tiles/(wind-areas|masts)/"), async route =>
        {
            lock (tileUrls) tileUrls.Add(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/vnd.mapbox-vector-tile", BodyBytes = [] });
        });
        await page.GotoAsync($"{fixture.BaseUrl}/#7/56.0/10.4");
        await page.WaitForSelectorAsync("body[data-map-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await MapPage.IdleAsync(page);
        Assert.Empty(errors);

        Assert.Equal("fill", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayer('wind-areas').type"));
        Assert.Equal("line", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayer('wind-areas-line').type"));
        Assert.Equal("circle", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayer('masts').type"));
        Assert.Equal("wind-areas", await page.EvaluateAsync<string>("() => window.vesitingMap.getLayer('wind-areas-line').source"));
        // Coloured by the legend where it has a style attribute: the expression names the legend's colour.
        Assert.Contains("#123456", await page.EvaluateAsync<string>("() => JSON.stringify(window.vesitingMap.getPaintProperty('wind-areas', 'fill-color'))"));
        lock (tileUrls)
        {
            Assert.Contains(tileUrls, u => u.Contains("/tiles/wind-areas/", StringComparison.Ordinal) && u.EndsWith(".mvt?scenario=banded-distance", StringComparison.Ordinal));
            Assert.Contains(tileUrls, u => u.Contains("/tiles/masts/", StringComparison.Ordinal) && u.EndsWith(".mvt", StringComparison.Ordinal));
        }

        await page.GetByTestId("toggle-wind-areas").UncheckAsync();
        Assert.Equal(["none", "none"], await page.EvaluateAsync<string[]>("() => ['wind-areas', 'wind-areas-line'].map((id) => window.vesitingMap.getLayoutProperty(id, 'visibility'))"));
        Assert.Equal("Wind areas", (await page.GetByTestId("toggle-wind-areas").Locator("xpath=..").InnerTextAsync()).Split('(')[0].Trim());
        await page.CloseAsync();
    }
}
