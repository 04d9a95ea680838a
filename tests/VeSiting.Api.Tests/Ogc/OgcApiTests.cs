using System.Net;
using System.Text.Json;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Ogc;

/// <summary>OGC API – Features behaviour that clients rely on: paging without a bbox, a world bbox, Part 2 CRSs, format negotiation.</summary>
[Collection(ApiCollection.Name)]
public sealed class OgcApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonDocument> ItemsAsync(string query)
    {
        var response = await _client.GetAsync($"/api/collections/{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("addresses")]
    [InlineData("buildings")]
    [InlineData("municipalities")]
    public async Task Items_without_a_bbox_are_paged_to_the_end_by_next_links(string collection)
    {
        using var first = await ItemsAsync($"{collection}/items?limit=500");
        var matched = first.RootElement.GetProperty("numberMatched").GetInt32();
        Assert.True(matched > 0);
        var ids = new HashSet<string>();
        var next = $"/api/collections/{collection}/items?limit=500";
        while (next is not null)
        {
            using var page = JsonDocument.Parse(await _client.GetStringAsync(next));
            foreach (var f in page.RootElement.GetProperty("features").EnumerateArray())
                Assert.True(ids.Add(f.GetProperty("properties").GetRawText()), "a feature served twice");
            next = page.RootElement.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }
        Assert.Equal(matched, ids.Count);
    }

    [Theory]
    [InlineData("plants")]
    [InlineData("addresses")]
    [InlineData("regions")]
    public async Task A_world_bbox_matches_what_no_bbox_matches(string collection)
    {
        using var all = await ItemsAsync($"{collection}/items?limit=1");
        using var world = await ItemsAsync($"{collection}/items?limit=1&bbox=-180,-90,180,90");
        Assert.True(all.RootElement.GetProperty("numberMatched").GetInt32() > 0);
        Assert.Equal(all.RootElement.GetProperty("numberMatched").GetInt32(), world.RootElement.GetProperty("numberMatched").GetInt32());
        using var elsewhere = await ItemsAsync($"{collection}/items?limit=1&bbox=-10,40,-5,45");
        Assert.Equal(0, elsewhere.RootElement.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Epsg_25832_is_offered_and_a_bbox_in_it_selects_the_same_features()
    {
        using var collection = JsonDocument.Parse(await _client.GetStringAsync("/api/collections/regions"));
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/25832", collection.RootElement.GetProperty("crs").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("multipolygon", collection.RootElement.GetProperty("geometryType").GetString());

        var response = await _client.GetAsync("/api/collections/regions/items?crs=http://www.opengis.net/def/crs/EPSG/0/25832&bbox=680000,6160000,681000,6161000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/25832>", response.Headers.GetValues("Content-Crs").Single());
        using var utm = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var feature = Assert.Single(utm.RootElement.GetProperty("features").EnumerateArray());
        // Easting and northing in metres: a position of the region lies within Denmark's extent in EPSG:25832.
        var position = feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        Assert.InRange(position[0].GetDouble(), 380_000, 920_000);
        Assert.InRange(position[1].GetDouble(), 6_020_000, 6_440_000);
        // The same box in CRS84 (its corners by GDAL: gdaltransform -s_srs EPSG:25832 -t_srs EPSG:4326) selects the same region.
        using var lonLat = await ItemsAsync("regions/items?bbox=11.8537,55.5527,11.8702,55.5613");
        Assert.Equal(feature.GetProperty("properties").GetProperty("code").GetString(),
            Assert.Single(lonLat.RootElement.GetProperty("features").EnumerateArray()).GetProperty("properties").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/collections/plants/items?crs=EPSG:4326", "crs")]
    [InlineData("/api/collections/plants/items?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857&bbox=1,2,3,4", "bbox-crs")]
    [InlineData("/api/collections/plants/items?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832", "bbox-crs")]
    public async Task Unknown_crs_are_problems(string url, string field) =>
        await Problems.AssertProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("/api/collections/plants/items?f=html", null, "f")]
    [InlineData("/api/collections?f=xml", null, "f")]
    [InlineData("/api/collections/plants/items", "text/html", "Accept")]
    [InlineData("/api", "application/xml", "Accept")]
    public async Task Formats_other_than_json_are_406(string url, string? accept, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        await Problems.AssertProblemAsync(await _client.SendAsync(request), HttpStatusCode.NotAcceptable, field);
    }

    [Theory]
    [InlineData("/api/collections/plants/items?f=json", null)]
    [InlineData("/api/collections/plants/items?f=geojson", null)]
    [InlineData("/api/collections/plants/items", "application/geo+json")]
    [InlineData("/api/collections", "application/json, text/html;q=0.5")]
    public async Task Json_by_f_or_accept_is_served(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body_and_options_follows_the_cors_configuration()
    {
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/collections"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        var tile = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tiles/plants/7/67/39.mvt"));
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        // No CORS origins are configured here: a preflight from elsewhere gets no allow-origin.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/collections");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var answer = await _client.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
