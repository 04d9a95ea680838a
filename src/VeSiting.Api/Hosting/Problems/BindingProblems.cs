using System.Text.RegularExpressions;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// Turns the framework's parameter-binding failures (a query value that is not the parameter's type, a missing
/// required value, a body of the wrong media type) into the field and a reason in the product's words.
/// </summary>
public static partial class BindingProblems
{
    public static (int Status, string Field, string Reason) Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (BindFailed().Match(message) is { Success: true } failed)
        {
            var field = failed.Groups["name"].Value;
            return (StatusCodes.Status400BadRequest, field, $"{ProblemText.Echo(failed.Groups["value"].Value)} is not {Expected(failed.Groups["type"].Value)}");
        }
        if (Missing().Match(message) is { Success: true } missing)
            return (StatusCodes.Status400BadRequest, missing.Groups["name"].Value, $"required; give {Expected(missing.Groups["type"].Value)}");
        if (JsonBody().Match(message) is { Success: true })
            return (StatusCodes.Status400BadRequest, "body", "not valid JSON of the expected shape");
        if (MediaType().Match(message) is { Success: true } media)
            return (StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"{ProblemText.Echo(media.Groups["type"].Value)} is not a supported media type; send application/json");
        return exception.StatusCode switch
        {
            StatusCodes.Status408RequestTimeout => (exception.StatusCode, "body", "the request body arrived too slowly"),
            StatusCodes.Status413PayloadTooLarge => (exception.StatusCode, "body", "the request body exceeds the configured limit"),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => (exception.StatusCode, "headers", "the request headers are too large"),
            StatusCodes.Status414UriTooLong => (exception.StatusCode, "url", "the request URL is too long"),
            _ => (exception.StatusCode, "request", "the request could not be read"),
        };
    }

    /// <summary>What a value of a parameter type has to be, in words.</summary>
    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "double" or "float" or "decimal" => "a finite number",
        "int" => $"a whole number from {int.MinValue} to {int.MaxValue}",
        "long" => "a whole number",
        "bool" => "true or false",
        "DateOnly" => "a date (yyyy-mm-dd)",
        "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
        "Guid" => "an identifier",
        "string" or "string[]" => "text",
        var t when t.EndsWith("[]", StringComparison.Ordinal) => $"a list of {Expected(t[..^2])} values",
        _ => "a value of the expected kind",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex Missing();

    [GeneratedRegex("^(Failed to read parameter .* from the request body|Implicit body inferred)")]
    private static partial Regex JsonBody();

    [GeneratedRegex("^Expected a supported (JSON|form) media type but got \"(?<type>.*)\"")]
    private static partial Regex MediaType();
}
