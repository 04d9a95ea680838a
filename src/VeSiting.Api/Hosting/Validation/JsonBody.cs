namespace VeSiting.Api.Hosting;

/// <summary>Reads a request body as JSON within the configured size and vertex limits; every refusal is a problem naming the field.</summary>
public static class JsonBody
{
    /// <summary>Refuses a body whose declared length is over the limit before any of it is read (Kestrel stops longer ones).</summary>
    public static void CheckDeclaredSize(HttpRequest request, VeSitingOptions options)
    {
        if (request.ContentLength is { } length && length > options.MaxRequestBodyBytes)
            throw new ProblemException("body", Reason.Of("problem.body-bytes", ("length", length), ("max", options.MaxRequestBodyBytes)), StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>JSON in any of its media types (or text/plain, or none given); a form, XML or multipart body is refused with 415.</summary>
    public static void CheckMediaType(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            return;
        var type = request.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type is "application/json" or "application/geo+json" or "text/json" or "text/plain" || type.EndsWith("+json", StringComparison.Ordinal))
            return;
        throw new ProblemException("Content-Type", Reason.Of("problem.not-json-type", ("type", Problems.ProblemText.Echo(type))), StatusCodes.Status415UnsupportedMediaType);
    }

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, VeSitingOptions options, CancellationToken cancellationToken)
    {
        CheckDeclaredSize(request, options);
        CheckMediaType(request);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ProblemException("body", $"not valid JSON at {Data.JsonSyntax.Describe(e)}");
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
