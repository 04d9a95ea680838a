using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VeSiting.Core.Importing;

namespace VeSiting.Api.Hosting;

/// <summary>Every failure becomes application/problem+json (RFC 7807) with the field and the reason where there is one.</summary>
public static class ProblemHandling
{
    public static IResult Problem(int status, string title, string? field, string reason, object? errors = null) => TypedProblem(status, title, field, reason, errors);

    /// <summary>The problem as a typed result, for handlers that declare their results.</summary>
    public static ProblemHttpResult TypedProblem(int status, string title, string? field, string reason, object? errors = null)
    {
        reason = ProblemText.Clean(reason);
        var extensions = new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason };
        if (errors is not null)
            extensions["errors"] = errors;
        return TypedResults.Problem(detail: field is null ? reason : $"{field}: {reason}", statusCode: status, title: title, extensions: extensions);
    }

    public static IResult Field(string field, string reason) => Problem(StatusCodes.Status400BadRequest, "Invalid request", field, reason);

    public static IResult NotFound(string field, string reason) => Problem(StatusCodes.Status404NotFound, "Not found", field, reason);

    public static void UseVeSitingProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad input and an unavailable store are expected outcomes: answered as problems, not logged as crashes.
            SuppressDiagnosticsCallback = c => c.Exception is ProblemException or ImportFailedException or RulePeriodException
                or BadHttpRequestException or StoreUnavailableException or OperationCanceledException or HeavyWorkRefusedException,
            ExceptionHandler = HandleAsync,
        });
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = exception switch
        {
            ProblemException p => Problem(p.Status, Title(p.Status), p.Field, p.Reason, p.Errors),
            ImportFailedException i => Problem(StatusCodes.Status400BadRequest, "Invalid request", i.Errors.FirstOrDefault()?.Column ?? "body",
                i.Errors.FirstOrDefault()?.Reason ?? i.Message,
                RefusalProblems.Errors(i.Errors)),
            RulePeriodException r => Problem(StatusCodes.Status400BadRequest, "Invalid request", "permit_date", r.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", "body", "the request body exceeds the configured limit"),
            BadHttpRequestException b => BindingProblem(b),
            HeavyWorkRefusedException h => Busy(context, h),
            StoreUnavailableException s => Unavailable(context, s),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => Results.Empty,
            _ => Problem(StatusCodes.Status500InternalServerError, "Internal error", null, "an unexpected error occurred; it has been logged"),
        };
        await result.ExecuteAsync(context);
    }

    /// <summary>A store at another data version than the request's can be asked again at once (Retry-After: 1).</summary>
    private static IResult Unavailable(HttpContext context, StoreUnavailableException unavailable)
    {
        if (unavailable.DatabaseVersion is not null)
            context.Response.Headers.RetryAfter = "1";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Store unavailable", null, unavailable.Message);
    }

    private static IResult Busy(HttpContext context, HeavyWorkRefusedException refused)
    {
        context.Response.Headers.RetryAfter = refused.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "Service busy", null, refused.Reason);
    }

    internal static string Title(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status406NotAcceptable => "Not acceptable",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status414UriTooLong => "URL too long",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request headers too large",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => "Invalid request",
    };

    private static IResult BindingProblem(BadHttpRequestException exception)
    {
        var (status, field, reason) = BindingProblems.Describe(exception);
        return Problem(status, status == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Invalid request", field, reason);
    }
}
