namespace VeSiting.Api.Endpoints.Ogc;

/// <summary>
/// Format negotiation of the collection resources: <c>f=json</c> (or <c>geojson</c> for items) or an Accept header
/// that admits JSON; anything else is 406 Not Acceptable, as a problem.
/// </summary>
public static class OgcFormat
{
    public static void Require(HttpContext http, string? f, string mediaType)
    {
        if (f is not null)
        {
            if (f.Equals("json", StringComparison.OrdinalIgnoreCase) || (mediaType == "application/geo+json" && f.Equals("geojson", StringComparison.OrdinalIgnoreCase)))
                return;
            throw new ProblemException("f", Reason.Of("ogc.not-format", ("value", Hosting.Problems.ProblemText.Echo(f)), ("formats", mediaType == "application/geo+json" ? "geojson (json)" : "json")), StatusCodes.Status406NotAcceptable);
        }
        var accept = http.Request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
            return;
        var types = accept.Split(',').Select(t => t.Split(';')[0].Trim().ToLowerInvariant());
        if (types.Any(t => t is "*/*" or "application/*" or "application/json" || t == mediaType))
            return;
        throw new ProblemException("Accept", Reason.Of("ogc.not-acceptable", ("value", Hosting.Problems.ProblemText.Echo(accept)), ("type", mediaType)), StatusCodes.Status406NotAcceptable);
    }
}
