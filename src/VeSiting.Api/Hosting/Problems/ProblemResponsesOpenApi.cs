using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using VeSiting.Api.Hosting.Security;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// Declares in the OpenAPI document the problems (RFC 7807, <see cref="ProblemDetails"/> with <c>field</c> and
/// <c>reason</c>) each operation can answer, from what the endpoint declares: any input can be refused (400, and 404 for
/// what a path names), a body can be too large or of the wrong type (413, 415), a write needs a key (401, 403), a rate
/// limit answers 429, and every operation can meet an unavailable or busy store (503) or a fault (500). Every problem
/// status carries the problem schema; a status an endpoint declares without content gets it too.
/// </summary>
public static class ProblemResponsesOpenApi
{
    public const string ProblemJson = "application/problem+json";

    public static void AddProblemResponses(this OpenApiOptions options) =>
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var statuses = new SortedSet<int> { StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable };
            if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null || metadata.OfType<IAcceptsMetadata>().Any())
                statuses.Add(StatusCodes.Status400BadRequest);
            if (context.Description.RelativePath?.Contains('{') == true)
                statuses.Add(StatusCodes.Status404NotFound);
            if (operation.RequestBody is not null || metadata.OfType<IAcceptsMetadata>().Any())
                statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == AccessPolicies.Write))
                statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                statuses.Add(StatusCodes.Status429TooManyRequests);
            operation.Responses ??= [];
            foreach (var declared in operation.Responses.Keys.Select(k => int.TryParse(k, out var s) ? s : 0).Where(s => s >= 400))
                statuses.Add(declared);
            var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            foreach (var status in statuses)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse { Content.Count: > 0 })
                    continue;
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = Description(status),
                    Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
                };
            }
        });

    private static string Description(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Invalid request: the problem names the field and the reason",
        StatusCodes.Status401Unauthorized => "No API key",
        StatusCodes.Status403Forbidden => "The API key may not do this",
        StatusCodes.Status404NotFound => "Not found: the problem names the field",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status422UnprocessableEntity => "Well formed, but what it names cannot be assessed",
        StatusCodes.Status429TooManyRequests => "Too many requests (Retry-After)",
        StatusCodes.Status503ServiceUnavailable => "Store unavailable, or the service busy (Retry-After)",
        StatusCodes.Status500InternalServerError => "Internal error (logged)",
        _ => "Problem",
    };
}
