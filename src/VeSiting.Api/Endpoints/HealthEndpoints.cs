using System.Text;
using VeSiting.Api.Tiles;

namespace VeSiting.Api.Endpoints;

/// <summary>/health (store reachable, data version) and /metrics (Prometheus text format).</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health", Health).AnswersJson().WithTags("Service").WithSummary("Whether the store answers, and which data version it serves").AllowAnonymous();
        app.MapGet("/metrics", Metrics).AnswersText("text/plain").WithTags("Service").WithSummary("Request and tile-cache counters in the Prometheus text format");
    }

    private static async Task<IResult> Health(ServiceData data, CancellationToken cancellationToken)
    {
        try
        {
            await data.Store.ListAreasAsync(AdminAreaKind.Region, cancellationToken);
            return Results.Ok(new { status = "ok", store = data.StoreKind, dataVersion = data.Store.Version.Id, loadedAt = data.Store.Version.LoadedAt });
        }
        catch (StoreUnavailableException e) when (e.DatabaseVersion is not null)
        {
            // The database answered at a newer (or, on a lagging replica, older) version than this instance serves: the
            // moment after an import switched, before the instance follows. Healthy: a load balancer must not take it out.
            return Results.Ok(new { status = "ok", store = data.StoreKind, dataVersion = data.Store.Version.Id, loadedAt = data.Store.Version.LoadedAt, databaseVersion = e.DatabaseVersion });
        }
        catch (StoreUnavailableException e)
        {
            return Results.Json(new { status = "unavailable", store = data.StoreKind, reason = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult Metrics(RequestCounter counter, TileCacheCounters cache, ServiceData data, SuitabilityResults siting)
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP vesiting_requests_total HTTP requests by endpoint and status class.");
        text.AppendLine("# TYPE vesiting_requests_total counter");
        foreach (var ((endpoint, status), count) in counter.Snapshot())
            text.AppendLine(CultureInfo.InvariantCulture, $"vesiting_requests_total{{endpoint=\"{endpoint}\",status=\"{status}\"}} {count}");
        Sample("vesiting_tile_cache_hits_total", "counter", cache.Hits);
        Sample("vesiting_tile_cache_misses_total", "counter", cache.Misses);
        Sample("vesiting_siting_cache_bytes", "gauge", siting.Cache.Bytes,
            "Estimated memory of the cached siting rasters (limit: vesiting_siting_cache_capacity_bytes, VeSiting:SitingCacheMegabytes).");
        Sample("vesiting_siting_cache_capacity_bytes", "gauge", siting.Cache.CapacityBytes);
        Sample("vesiting_siting_cache_entries", "gauge", siting.Cache.Count);
        Sample("vesiting_siting_cache_evictions_total", "counter", siting.Cache.Evictions);
        text.AppendLine("# TYPE vesiting_data_version_info gauge");
        text.AppendLine(CultureInfo.InvariantCulture, $"vesiting_data_version_info{{version=\"{data.Store.Version.Id}\",store=\"{data.StoreKind}\"}} 1");
        return Results.Text(text.ToString(), "text/plain; version=0.0.4");

        // One unlabelled metric: its help line when it has one, its type line and its sample.
        void Sample(string name, string type, long value, string? help = null)
        {
            if (help is not null)
                text.AppendLine(CultureInfo.InvariantCulture, $"# HELP {name} {help}");
            text.AppendLine(CultureInfo.InvariantCulture, $"# TYPE {name} {type}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{name} {value}");
        }
    }
}
