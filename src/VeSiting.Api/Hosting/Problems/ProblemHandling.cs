using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VeSiting.Core.Importing;

namespace VeSiting.Api.Hosting;

/// <summary>
/// Every failure becomes application/problem+json (RFC 7807) with the field and the reason where there is one. A
/// problem whose reason is a code and values (<see cref="Reason"/>) is written in the request's language
/// (<see cref="Languages.RequestLanguage"/>): its title, detail and reason, the <c>field</c> never; one with only an
/// English reason stays English throughout. <c>Content-Language</c> says which.
/// </summary>
public static class ProblemHandling
{
    /// <summary>The language a problem of this response was written in (read when the response starts).</summary>
    internal const string LanguageItem = "VeSiting.ProblemLanguage";

    /// <summary>The current request (the service registers <see cref="IHttpContextAccessor"/>): its response says the problem's language.</summary>
    private static readonly HttpContextAccessor Http = new();

    public static IResult Problem(int status, string title, string? field, string reason, object? errors = null) => TypedProblem(status, title, field, reason, errors);

    /// <summary>A problem in the request's language: the title of its status and the reason rendered from its code.</summary>
    public static IResult Problem(int status, string? field, Reason because, object? errors = null) => TypedProblem(status, null, field, because.Text, because, errors);

    /// <summary>The problem as a typed result, for handlers that declare their results (English: the reason has no code).</summary>
    public static ProblemHttpResult TypedProblem(int status, string title, string? field, string reason, object? errors = null) =>
        TypedProblem(status, title, field, reason, null, errors);

    /// <summary>
    /// The problem as a typed result: with <paramref name="because"/>, the title (<paramref name="title"/>, else the
    /// status's) and the reason in the answer's language (<see cref="MessageCatalogue.Current"/>); without, English.
    /// </summary>
    public static ProblemHttpResult TypedProblem(int status, string? title, string? field, string reason, Reason? because, object? errors = null)
    {
        var catalogue = because is null ? MessageCatalogue.English : MessageCatalogue.Current;
        title = ProblemTitles.Render(title ?? Title(status), catalogue);
        reason = ProblemText.Clean(because?.Render(catalogue) ?? reason);
        if (Http.HttpContext is { } http)
        {
            http.Items[LanguageItem] = catalogue.Language;
            http.Response.Headers.ContentLanguage = catalogue.Language;
        }
        var extensions = new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason };
        if (errors is not null)
            extensions["errors"] = errors;
        return TypedResults.Problem(detail: field is null ? reason : $"{field}: {reason}", statusCode: status, title: title, extensions: extensions);
    }

    public static IResult Field(string field, string reason) => Problem(StatusCodes.Status400BadRequest, "Invalid request", field, reason);

    public static IResult NotFound(string field, string reason) => Problem(StatusCodes.Status404NotFound, "Not found", field, reason);

    public static IResult NotFound(string field, Reason because) => Problem(StatusCodes.Status404NotFound, field, because);

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
        using var language = MessageCatalogue.Use(Languages.RequestLanguage.Of(context.Request)); // the request's own scope has ended here
        var result = exception switch
        {
            ProblemException p => TypedProblem(p.Status, null, p.Field, p.Reason, p.Because, p.Errors),
            ImportFailedException i => TypedProblem(StatusCodes.Status400BadRequest, null, i.Errors.FirstOrDefault()?.Column ?? "body",
                i.Errors.FirstOrDefault()?.Reason ?? i.Message, i.Errors.Count > 0 ? i.Errors[0].Because : null,
                RefusalProblems.Errors(i.Errors)),
            RulePeriodException r => Problem(StatusCodes.Status400BadRequest, "Invalid request", "permit_date", r.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, "body", Reason.Of("problem.body-too-large")),
            BadHttpRequestException b => BindingProblem(b),
            HeavyWorkRefusedException h => Busy(context, h),
            StoreUnavailableException s => Unavailable(context, s),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => Results.Empty,
            _ => Problem(StatusCodes.Status500InternalServerError, null, Reason.Of("problem.internal-error")),
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
        return TypedProblem(StatusCodes.Status503ServiceUnavailable, "Service busy", null, refused.Reason, refused.Because);
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
        StatusCodes.Status500InternalServerError => "Internal error",
        _ => "Invalid request",
    };

    private static IResult BindingProblem(BadHttpRequestException exception)
    {
        var (status, field, reason) = BindingProblems.Describe(exception);
        return TypedProblem(status, status == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Invalid request", field, reason.Text, reason);
    }
}
