using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VeSiting.Api.Hosting;

/// <summary>
/// The OpenAPI document's server is the service's public base URL (<see cref="PublicUrls"/>), never the client's Host
/// header (the framework's default, which the interactive reference then sends its requests to); a document that does
/// not exist is a problem like any other 404.
/// </summary>
public static class OpenApiDocuments
{
    public const string Name = "v1";

    public static void UsePublicServer(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, context, _) =>
        {
            var http = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext;
            document.Servers = http is null ? [] : [new OpenApiServer { Url = PublicUrls.Base(http) }];
            return Task.CompletedTask;
        });

    public static void MapOpenApiDocuments(this WebApplication app) =>
        app.MapOpenApi().AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetRouteValue("documentName") is Name ? await next(context)
                : ProblemHandling.NotFound("documentName", Reason.Of("problem.no-openapi-document", ("value", Problems.ProblemText.Echo(context.HttpContext.GetRouteValue("documentName")?.ToString())), ("document", $"/openapi/{Name}.json"))));
}
