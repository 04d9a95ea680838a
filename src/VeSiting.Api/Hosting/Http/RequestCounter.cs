using System.Collections.Concurrent;

namespace VeSiting.Api.Hosting;

/// <summary>Counts requests by route pattern and status class (2xx, 4xx, 5xx) for /metrics.</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<(string Endpoint, string Status), long> _counts = new();

    public void Count(string endpoint, int status) => _counts.AddOrUpdate((endpoint, $"{status / 100}xx"), 1, (_, n) => n + 1);

    public IEnumerable<KeyValuePair<(string Endpoint, string Status), long>> Snapshot() => _counts.OrderBy(c => c.Key.Endpoint, StringComparer.Ordinal);

    public static void UseRequestCounting(WebApplication app) => app.Use(async (context, next) =>
    {
        await next();
        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(static or unmatched)";
        context.RequestServices.GetRequiredService<RequestCounter>().Count(endpoint, context.Response.StatusCode);
    });
}
