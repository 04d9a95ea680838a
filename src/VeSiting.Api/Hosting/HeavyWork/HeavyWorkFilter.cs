namespace VeSiting.Api.Hosting.HeavyWork;

/// <summary>
/// Runs an endpoint under the <see cref="HeavyWorkQueue"/>: its CancellationToken argument becomes one that is
/// cancelled when the client goes or the time limit passes; identical GETs (same path, query and language) share one computation
/// when the handler only reads its bound arguments (no HttpContext).
/// </summary>
public sealed class HeavyWorkFilter(HeavyWorkQueue queue, bool timeLimited) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var shareable = HttpMethods.IsGet(http.Request.Method) && !context.Arguments.Any(a => a is HttpContext or HttpRequest or HttpResponse);
        // The answer's texts are written in the request's language, so only requests in the same language share one.
        var key = shareable ? $"{Core.Explanations.MessageCatalogue.Current.Language}|{http.Request.Path}{http.Request.QueryString}" : null;
        return await queue.RunAsync(key, timeLimited, async token =>
        {
            for (var i = 0; i < context.Arguments.Count; i++)
                if (context.Arguments[i] is CancellationToken)
                    context.Arguments[i] = token;
            return await next(context);
        }, http.RequestAborted);
    }
}

public static class HeavyWorkEndpoints
{
    /// <summary>Puts the endpoint under the heavy-work budget; <paramref name="timeLimited"/> false for streamed answers (a 503 cannot follow a started body).</summary>
    public static RouteHandlerBuilder AsHeavyWork(this RouteHandlerBuilder builder, bool timeLimited = true) =>
        builder.AddEndpointFilter((context, next) =>
            new HeavyWorkFilter(context.HttpContext.RequestServices.GetRequiredService<HeavyWorkQueue>(), timeLimited).InvokeAsync(context, next));
}
