namespace VeSiting.Api.Hosting.Problems;

/// <summary>An error status set without a body (no route, wrong method, wrong media type …) gets a problem naming what was wrong.</summary>
public static class StatusCodeProblems
{
    public static void UseStatusCodeProblems(this WebApplication app) => app.UseStatusCodePages(async status =>
    {
        var http = status.HttpContext;
        if (http.Response.HasStarted || http.Response.StatusCode < 400)
            return;
        var (title, field, reason) = Describe(http);
        await ProblemHandling.Problem(http.Response.StatusCode, title, field, reason).ExecuteAsync(http);
    });

    private static (string Title, string? Field, string Reason) Describe(HttpContext http)
    {
        var request = http.Request;
        return http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Invalid request", "request", "the request could not be read"),
            StatusCodes.Status401Unauthorized => ("Unauthorized", "X-Api-Key", "this needs an API key"),
            StatusCodes.Status403Forbidden => ("Forbidden", "X-Api-Key", "the API key does not allow this"),
            StatusCodes.Status404NotFound => ("Not found", "path", $"no resource at {ProblemText.Echo(request.Path.Value)}"),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "method",
                $"{ProblemText.Echo(request.Method)} is not allowed here{(http.Response.Headers.Allow.Count > 0 ? $"; allowed: {http.Response.Headers.Allow}" : "")}"),
            StatusCodes.Status406NotAcceptable => ("Not acceptable", "Accept", $"{ProblemText.Echo(request.Headers.Accept.ToString())} names no format this resource has"),
            StatusCodes.Status408RequestTimeout => ("Request timeout", "body", "the request arrived too slowly"),
            StatusCodes.Status411LengthRequired => ("Length required", "Content-Length", "give the body's length"),
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "body", "the request body exceeds the configured limit"),
            StatusCodes.Status414UriTooLong => ("URL too long", "url", "the request URL is too long"),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Content-Type", $"{ProblemText.Echo(request.ContentType)} is not a media type this endpoint reads"),
            StatusCodes.Status429TooManyRequests => ("Too many requests", null, "too many requests; try again later"),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Request headers too large", "headers", "the request headers are too large"),
            StatusCodes.Status503ServiceUnavailable => ("Service unavailable", null, "the service cannot answer now; try again later"),
            var s when s >= 500 => ("Internal error", null, "an unexpected error occurred; it has been logged"),
            _ => ("Invalid request", "request", "the request was refused"),
        };
    }
}
