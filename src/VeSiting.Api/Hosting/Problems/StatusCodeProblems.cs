using VeSiting.Api.Hosting.Languages;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// An error status set without a body (no route, wrong method, wrong media type …) gets a problem naming what was
/// wrong, in the request's language (<see cref="RequestLanguage"/>).
/// </summary>
public static class StatusCodeProblems
{
    public static void UseStatusCodeProblems(this WebApplication app) => app.UseStatusCodePages(async status =>
    {
        var http = status.HttpContext;
        if (http.Response.HasStarted || http.Response.StatusCode < 400)
            return;
        var (title, field, reason) = Describe(http);
        using var language = MessageCatalogue.Use(RequestLanguage.Of(http.Request)); // the request's own scope has ended here
        await ProblemHandling.TypedProblem(http.Response.StatusCode, title, field, reason.Text, reason).ExecuteAsync(http);
    });

    private static (string Title, string? Field, Reason Reason) Describe(HttpContext http)
    {
        var request = http.Request;
        return http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Invalid request", "request", Reason.Of("problem.unreadable")),
            StatusCodes.Status401Unauthorized => ("Unauthorized", "X-Api-Key", Reason.Of("problem.needs-key")),
            StatusCodes.Status403Forbidden => ("Forbidden", "X-Api-Key", Reason.Of("problem.key-does-not-allow")),
            StatusCodes.Status404NotFound => ("Not found", "path", Reason.Of("problem.no-resource", ("path", ProblemText.Echo(request.Path.Value)))),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "method", http.Response.Headers.Allow.Count > 0
                ? Reason.Of("problem.method-not-allowed-allowed", ("method", ProblemText.Echo(request.Method)), ("allowed", http.Response.Headers.Allow.ToString()))
                : Reason.Of("problem.method-not-allowed", ("method", ProblemText.Echo(request.Method)))),
            StatusCodes.Status406NotAcceptable => ("Not acceptable", "Accept", Reason.Of("problem.not-acceptable", ("accept", ProblemText.Echo(request.Headers.Accept.ToString())))),
            StatusCodes.Status408RequestTimeout => ("Request timeout", "body", Reason.Of("problem.request-too-slow")),
            StatusCodes.Status411LengthRequired => ("Length required", "Content-Length", Reason.Of("problem.length-required")),
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "body", Reason.Of("problem.body-too-large")),
            StatusCodes.Status414UriTooLong => ("URL too long", "url", Reason.Of("problem.url-too-long")),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Content-Type", Reason.Of("problem.media-type-not-read", ("type", ProblemText.Echo(request.ContentType)))),
            StatusCodes.Status429TooManyRequests => ("Too many requests", null, Reason.Of("problem.too-many-requests")),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Request headers too large", "headers", Reason.Of("problem.headers-too-large")),
            StatusCodes.Status503ServiceUnavailable => ("Service unavailable", null, Reason.Of("problem.unavailable")),
            var s when s >= 500 => ("Internal error", null, Reason.Of("problem.internal-error")),
            _ => ("Invalid request", "request", Reason.Of("problem.refused")),
        };
    }
}
