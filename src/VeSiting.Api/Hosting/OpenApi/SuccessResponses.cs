namespace VeSiting.Api.Hosting.OpenApi;

/// <summary>
/// What an operation answers when it succeeds, declared on its route so the OpenAPI document carries the status and a
/// schema (the problems it can answer are declared by <see cref="Problems.ProblemResponsesOpenApi"/>). A typed answer
/// names its contract; an answer that is a JSON document without a contract type of its own (OGC pages, metadata,
/// listings) is declared as JSON; files and tiles as binary. Handlers returning typed results declare themselves.
/// </summary>
public static class SuccessResponses
{
    /// <summary>The answer as <typeparamref name="T"/> in JSON (or another JSON media type such as application/geo+json).</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK, string contentType = "application/json") =>
        route.Produces<T>(status, contentType);

    /// <summary>A JSON document described in the operation's text rather than by a contract type.</summary>
    public static RouteHandlerBuilder AnswersJson(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK, string contentType = "application/json") =>
        route.Produces<JsonElement>(status, contentType);

    /// <summary>A file or tile: binary content of the given media types.</summary>
    public static RouteHandlerBuilder AnswersFile(this RouteHandlerBuilder route, string contentType, params string[] additionalContentTypes) =>
        route.Produces<Stream>(StatusCodes.Status200OK, contentType, additionalContentTypes);

    /// <summary>Text of the given media type (metrics, an HTML page).</summary>
    public static RouteHandlerBuilder AnswersText(this RouteHandlerBuilder route, string contentType) =>
        route.Produces<string>(StatusCodes.Status200OK, contentType);
}
