using Microsoft.AspNetCore.Http.HttpResults;
using VeSiting.Core.Importing;
using VeSiting.Core.Outcomes;

namespace VeSiting.Api.Hosting.Problems;

/// <summary>The one mapping of a core refusal to HTTP: its kind chooses the status, its field and reason fill the problem.</summary>
public static class RefusalProblems
{
    public static int Status(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The refusal as the exception the service's problem handler renders (RFC 7807, field and reason).</summary>
    public static ProblemException Exception(Refusal refusal) =>
        new(refusal.Field ?? "request", refusal.Reason, Status(refusal.Kind)) { Because = refusal.Because, Errors = Errors(refusal.Issues) };

    /// <summary>Refuses the request as invalid (400), naming the field, with the reason as a code and values.</summary>
    public static ProblemException Invalid(string field, Reason because) => Exception(Refusal.Invalid(field, because));

    /// <summary>Refuses the request as naming what does not exist (404), with the reason as a code and values.</summary>
    public static ProblemException NotFound(string field, Reason because) => Exception(Refusal.NotFound(field, because));

    /// <summary>The refusal as a typed problem result (RFC 7807, field and reason), the same body the problem handler writes.</summary>
    public static ProblemHttpResult Problem(this Refusal refusal)
    {
        var status = Status(refusal.Kind);
        return ProblemHandling.TypedProblem(status, null, refusal.Field ?? "request", refusal.Reason, refusal.Because, Errors(refusal.Issues));
    }

    /// <summary>
    /// Every error of a whole document (a layout's features) as the problem's <c>errors</c> member, or null when there are
    /// none; each reason in the answer's language where it has a code.
    /// </summary>
    public static object? Errors(IReadOnlyList<ImportIssue> issues) =>
        issues.Count == 0 ? null : issues.Select(e => new { feature = e.Row, field = e.Column, reason = Language(e) }).ToList();

    private static string Language(ImportIssue issue) =>
        MessageCatalogue.Current == MessageCatalogue.English ? issue.Reason : issue.Because?.Rendered ?? issue.Reason;

    /// <summary>The answer, or the refusal raised as a problem.</summary>
    public static T OrProblem<T>(this Outcome<T> outcome) => outcome.TryGet(out var value, out var refusal) ? value : throw Exception(refusal);
}
