using System.Text.RegularExpressions;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// Turns the framework's parameter-binding failures (a query value that is not the parameter's type, a missing
/// required value, a body of the wrong media type) into the field and a reason in the product's words.
/// </summary>
public static partial class BindingProblems
{
    public static (int Status, string Field, Reason Reason) Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (BindFailed().Match(message) is { Success: true } failed)
        {
            var field = failed.Groups["name"].Value;
            return (StatusCodes.Status400BadRequest, field, Reason.Of("binding.not-expected", ("value", ProblemText.Echo(failed.Groups["value"].Value)), ("expected", Expected(failed.Groups["type"].Value))));
        }
        if (Missing().Match(message) is { Success: true } missing)
            return (StatusCodes.Status400BadRequest, missing.Groups["name"].Value, Reason.Of("binding.required", ("expected", Expected(missing.Groups["type"].Value))));
        if (JsonBody().Match(message) is { Success: true })
            return (StatusCodes.Status400BadRequest, "body", Reason.Of("binding.not-json"));
        if (MediaType().Match(message) is { Success: true } media)
            return (StatusCodes.Status415UnsupportedMediaType, "Content-Type", Reason.Of("binding.media-type", ("type", ProblemText.Echo(media.Groups["type"].Value))));
        return exception.StatusCode switch
        {
            StatusCodes.Status408RequestTimeout => (exception.StatusCode, "body", Reason.Of("problem.body-too-slow")),
            StatusCodes.Status413PayloadTooLarge => (exception.StatusCode, "body", Reason.Of("problem.body-too-large")),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => (exception.StatusCode, "headers", Reason.Of("problem.headers-too-large")),
            StatusCodes.Status414UriTooLong => (exception.StatusCode, "url", Reason.Of("problem.url-too-long")),
            _ => (exception.StatusCode, "request", Reason.Of("problem.unreadable")),
        };
    }

    /// <summary>What a value of a parameter type has to be, in words.</summary>
    private static Reason Expected(string type) => type.TrimEnd('?') switch
    {
        "double" or "float" or "decimal" => Reason.Of("binding.expected.number"),
        "int" => Reason.Of("binding.expected.int", ("min", int.MinValue.ToString(CultureInfo.InvariantCulture)), ("max", int.MaxValue.ToString(CultureInfo.InvariantCulture))),
        "long" => Reason.Of("binding.expected.whole"),
        "bool" => Reason.Of("binding.expected.bool"),
        "DateOnly" => Reason.Of("binding.expected.date"),
        "DateTime" or "DateTimeOffset" => Reason.Of("binding.expected.date-time"),
        "Guid" => Reason.Of("binding.expected.guid"),
        "string" or "string[]" => Reason.Of("binding.expected.text"),
        var t when t.EndsWith("[]", StringComparison.Ordinal) => Reason.Of("binding.expected.list", ("of", Expected(t[..^2]))),
        _ => Reason.Of("binding.expected.other"),
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
