using System.Globalization;
using System.Net;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>The tile cache as clients see it, through the service's counters: one render per tile, however many ask at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class TileCacheTests(ApiFactory factory)
{
    [Fact]
    public async Task Many_requests_at_once_for_a_tile_not_yet_cached_render_it_once()
    {
        var client = factory.CreateClient();
        // A scheme-ring tile no other test asks for (a z12 child of CollectionAndTileApiTests' z11 tile).
        const string path = "/tiles/scheme-zones/12/2174/1276.mvt";
        var (hits, misses) = (await Counter(client, "vesiting_tile_cache_hits_total"), await Counter(client, "vesiting_tile_cache_misses_total"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(path)));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsByteArrayAsync()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.Equal(misses + 1, await Counter(client, "vesiting_tile_cache_misses_total"));
        Assert.Equal(hits + 7, await Counter(client, "vesiting_tile_cache_hits_total"));
    }

    [Fact]
    public async Task With_the_cache_off_every_request_renders()
    {
        using var uncached = factory.WithWebHostBuilder(b => b.UseSetting("VeSiting:TileCacheMegabytes", "0"));
        var client = uncached.CreateClient();
        const string path = "/tiles/plants/9/268/157.mvt";
        var (hits, misses) = (await Counter(client, "vesiting_tile_cache_hits_total"), await Counter(client, "vesiting_tile_cache_misses_total"));

        var first = await client.GetByteArrayAsync(path);
        var second = await client.GetByteArrayAsync(path);

        Assert.Equal(first, second);
        Assert.Equal(misses + 2, await Counter(client, "vesiting_tile_cache_misses_total"));
        Assert.Equal(hits, await Counter(client, "vesiting_tile_cache_hits_total"));
    }

    private static async Task<long> Counter(HttpClient client, string name)
    {
        var line = (await client.GetStringAsync("/metrics")).Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
