using Microsoft.OpenApi;

namespace VeSiting.Api.Hosting;

/// <summary>
/// Declares a JSON request body in the OpenAPI document only. <c>Accepts&lt;T&gt;(…)</c> would also make routing answer
/// 415 to any other media type before the API key is checked, so a caller without a key would learn about media types;
/// here the handler (<see cref="JsonBody.CheckMediaType"/>) refuses them, after authorisation.
/// </summary>
public static class JsonBodyOpenApi
{
    public static RouteHandlerBuilder AcceptsJsonBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/geo+json"] = new(), ["application/json"] = new() },
            };
            return Task.CompletedTask;
        });
}
