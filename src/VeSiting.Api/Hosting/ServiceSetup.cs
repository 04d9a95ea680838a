using System.Threading.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using VeSiting.Api.Hosting.Imports;
using VeSiting.Api.Hosting.Languages;
using VeSiting.Api.Hosting.Security;
using VeSiting.Api.Hosting.Validation;
using VeSiting.Api.Tiles;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>Services and middleware of the VeSiting HTTP service.</summary>
public static class ServiceSetup
{
    public const string CorsPolicy = "configured-origins";
    public const string ExpensivePolicy = "expensive";

    public static void AddVeSiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<VeSitingOptions>(builder.Configuration.GetSection(VeSitingOptions.Section));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(VeSitingOptions.Section));
        var options = builder.Configuration.GetSection(VeSitingOptions.Section).Get<VeSitingOptions>() ?? new VeSitingOptions();
        builder.Services.AddSingleton<StoreHost>();
        builder.Services.AddSingleton<RulesHost>();
        builder.Services.AddSingleton<ServiceData>();
        TileSources.AddTileSources(builder.Services);
        builder.Services.AddSingleton<TileRenderer>();
        builder.Services.AddSingleton<TileCacheCounters>();
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = Math.Max(1, options.TileCacheMegabytes) * 1024L * 1024;
            o.AddPolicy(TileCachePolicy.Name, b => b.AddPolicy<TileCachePolicy>(), excludeDefaultPolicy: true);
        });
        builder.Services.AddSingleton<RequestCounter>();
        builder.Services.AddSingleton<SuitabilityResults>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IImportReader, SourceImportReader>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportJobs>());
        builder.Services.AddSingleton(new HeavyWork.HeavyWorkScheduler(options.HeavyConcurrency));
        builder.Services.AddSingleton<HeavyWork.HeavyWorkQueue>();
        builder.Services.AddHostedService<DataVersionWatcher>();
        builder.Services.AddVeSitingAccess(options);
        builder.Services.AddForwardedProxies(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOpenApi(o =>
        {
            o.AddApiKeyScheme();
            o.UsePublicServer();
            o.AddProblemResponses();
        });
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/vnd.mapbox-vector-tile", "application/problem+json"]);
        });
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (options.CorsOrigins.Length > 0)
                p.WithOrigins(options.CorsOrigins).AllowAnyHeader().WithMethods("GET", "POST");
        }));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // Above the service's own limits, so that a long URL or large headers get a problem from RequestEdge, not Kestrel's empty answer.
            k.Limits.MaxRequestLineSize = 2 * InputRanges.MaxUrlLength;
            k.Limits.MaxRequestHeadersTotalSize = 2 * InputRanges.MaxHeaderBytes;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                using var language = MessageCatalogue.Use(Languages.RequestLanguage.Of(context.HttpContext.Request));
                await ProblemHandling.TypedProblem(StatusCodes.Status429TooManyRequests, "Too many requests", null, "",
                    Reason.Of("problem.rate-limited", ("count", options.ExpensiveRequestsPerMinute))).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(ExpensivePolicy, http => options.ExpensiveRequestsPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ExpensiveRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void UseVeSiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<VeSitingOptions>>().Value.ForwardedProxies.Length > 0)
            app.UseForwardedHeaders(); // only then: with no address to check (in-process tests) the middleware would believe anyone
        app.UseVeSitingProblems();
        app.UseStatusCodeProblems();
        app.UseRequestEdge();
        app.UseRequestLanguage();
        app.UseDataVersionPinning();
        app.UseRouting();
        app.UseResponseCompression();
        app.UseCors(CorsPolicy);
        RequestCounter.UseRequestCounting(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache(); // after access and rate checks: a cached tile is served only to whom the tile itself would be
        app.MapOpenApiDocuments();
        app.MapScalarApiReference(o => o.WithTitle("VeSiting API"));
        _ = MapConfig.Of(app.Services.GetRequiredService<IOptions<VeSitingOptions>>().Value); // a bad base map stops the start, naming its setting
        app.MapGet("/api/map-config", (IOptions<VeSitingOptions> o) => Results.Ok(MapConfig.Of(o.Value))).AnswersJson()
            .WithTags("Service").WithSummary("Settings of the web map").AllowAnonymous();
    }
}
