using Microsoft.AspNetCore.OutputCaching;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Tiles in ASP.NET Core's output cache: keyed by path, query and data version (with the rules in force, which move the
/// scheme rings), tagged by data version, and locked per key so that concurrent requests for a tile not yet cached
/// wait for one render. When the instance moves to a new data version, the tiles of the old one are evicted by tag;
/// beyond <see cref="VeSitingOptions.TileCacheMegabytes"/> the cache drops entries itself. Conditional requests
/// (If-None-Match) are answered 304 from the cached entry's ETag.
/// </summary>
public sealed class TileCachePolicy(ServiceData data, IOutputCacheStore store, TileCacheCounters counters, IOptions<VeSitingOptions> options) : IOutputCachePolicy
{
    public const string Name = "tiles";
    private const string Tag = "tiles";
    private string _current = "";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var on = options.Value.TileCacheMegabytes > 0 && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = on;
        context.AllowCacheStorage = on;
        context.AllowLocking = on;
        if (!on)
        {
            counters.Miss(); // the middleware steps aside, so every request renders
            return ValueTask.CompletedTask;
        }
        var version = $"{data.Store.Version.Id}|{data.RulesFingerprint}";
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["data"] = version;
        context.Tags.Add(Tag);
        context.Tags.Add($"{Tag}:{version}");
        context.ResponseExpirationTimeSpan = TimeSpan.FromDays(1);
        // The instance's own version (not the request's pinned one) decides what is old.
        if (data.StoreIfLoaded is { } current && $"{current.Version.Id}|{data.RulesFingerprint}" is var now && now != Volatile.Read(ref _current))
        {
            var previous = Interlocked.Exchange(ref _current, now);
            if (previous != "" && previous != now)
                return store.EvictByTagAsync($"{Tag}:{previous}", cancellationToken);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        counters.Hit();
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        counters.Miss();
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Tiles served from the cache and rendered, for /metrics (the output cache creates its policy itself).</summary>
public sealed class TileCacheCounters
{
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public void Hit() => Interlocked.Increment(ref _hits);

    public void Miss() => Interlocked.Increment(ref _misses);
}
