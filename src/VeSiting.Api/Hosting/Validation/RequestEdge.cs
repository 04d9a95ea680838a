namespace VeSiting.Api.Hosting.Validation;

/// <summary>
/// The first checks on every request, before routing: the URL's length, the headers' size and the query string's
/// rules (<see cref="QueryRules"/>); HEAD is answered as GET without a body.
/// </summary>
public static class RequestEdge
{
    private const string HeadKey = "vesiting.head";

    public static void UseRequestEdge(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var urlLength = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (urlLength > InputRanges.MaxUrlLength)
            throw new ProblemException("url", Reason.Of("problem.url-length", ("length", urlLength), ("max", InputRanges.MaxUrlLength)), StatusCodes.Status414UriTooLong);
        var headerBytes = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
        if (headerBytes > InputRanges.MaxHeaderBytes)
            throw new ProblemException("headers", Reason.Of("problem.header-bytes", ("bytes", headerBytes), ("max", InputRanges.MaxHeaderBytes)), StatusCodes.Status431RequestHeaderFieldsTooLarge);
        if (QueryRules.Check(request.Query) is { } broken)
            throw RefusalProblems.Exception(Core.Outcomes.Refusal.Invalid(broken.Field, broken.Reason));
        if (HttpMethods.IsHead(request.Method))
        {
            // Routed as GET; the server sends no body for HEAD (Kestrel keeps the original method for that).
            request.Method = HttpMethods.Get;
            http.Items[HeadKey] = true;
            http.Response.OnStarting(() =>
            {
                request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            });
        }
        await next(http);
    });

    public static bool IsHead(HttpContext http) => http.Items.ContainsKey(HeadKey);
}
