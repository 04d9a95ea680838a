using System.Text.Json;

namespace VeSiting.Api.Hosting;

/// <summary>Reads a request body as JSON within the configured size and vertex limits; every refusal is a problem naming the field.</summary>
public static class JsonBody
{
    /// <summary>Refuses a body whose declared length is over the limit before any of it is read (Kestrel stops longer ones).</summary>
    public static void CheckDeclaredSize(HttpRequest request, VeSitingOptions options)
    {
        if (request.ContentLength is { } length && length > options.MaxRequestBodyBytes)
            throw new ProblemException("body", $"the body has {length} bytes; the limit is {options.MaxRequestBodyBytes}", StatusCodes.Status413PayloadTooLarge);
    }

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, VeSitingOptions options, CancellationToken cancellationToken)
    {
        CheckDeclaredSize(request, options);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ProblemException("body", $"not valid JSON: {e.Message}");
        }
        try
        {
            VertexLimit.Check(document.RootElement, options.MaxVerticesPerRequest);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }
}
