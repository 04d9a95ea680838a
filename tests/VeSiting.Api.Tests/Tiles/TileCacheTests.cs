using VeSiting.Api.Tiles;

namespace VeSiting.Api.Tests.Tiles;

public sealed class TileCacheTests
{
    [Fact]
    public async Task A_capacity_of_zero_renders_every_request()
    {
        var cache = new TileCache(0);
        var renders = 0;
        Task<byte[]> Render() => Task.FromResult(new[] { (byte)++renders });

        var first = await cache.GetOrAddAsync("v1", "plants/14/1/2.mvt", Render);
        var second = await cache.GetOrAddAsync("v1", "plants/14/1/2.mvt", Render);

        Assert.Equal((byte)1, first[0]);
        Assert.Equal((byte)2, second[0]);
        Assert.Equal((0L, 2L, 0), (cache.Hits, cache.Misses, cache.Count));
    }

    [Fact]
    public async Task A_positive_capacity_serves_the_second_request_from_memory()
    {
        var cache = new TileCache(10);
        var renders = 0;
        Task<byte[]> Render() => Task.FromResult(new[] { (byte)++renders });

        await cache.GetOrAddAsync("v1", "k", Render);
        var again = await cache.GetOrAddAsync("v1", "k", Render);

        Assert.Equal((byte)1, again[0]);
        Assert.Equal((1L, 1L), (cache.Hits, cache.Misses));
    }
}
