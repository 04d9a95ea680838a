namespace VeSiting.Core.Outcomes;

/// <summary>Why a question gets no answer: an expected outcome, reported to the asker, not a fault.</summary>
public enum RefusalKind
{
    /// <summary>The question is malformed or out of range (HTTP 400, the CLI's usage error).</summary>
    Invalid,
    /// <summary>The question names something that does not exist (HTTP 404, the CLI's "not found").</summary>
    NotFound,
    /// <summary>Well formed, but what it names cannot be assessed (HTTP 422).</summary>
    Unprocessable,
    /// <summary>The store or a service it needs cannot answer now (HTTP 503).</summary>
    Unavailable,
}

/// <summary>
/// An expected refusal as data: its kind, the field of the question it concerns (null when it is none in particular)
/// and the reason. Front ends render it in their own way (problem+json naming the field; an error line and exit code).
/// </summary>
public sealed record Refusal(RefusalKind Kind, string? Field, string Reason)
{
    /// <summary>Every error found where the question carried a whole document (a layout: feature, property, reason); the first is the refusal's own.</summary>
    public IReadOnlyList<Importing.ImportIssue> Issues { get; init; } = [];

    public static Refusal Invalid(string field, string reason) => new(RefusalKind.Invalid, field, reason);

    public static Refusal NotFound(string field, string reason) => new(RefusalKind.NotFound, field, reason);

    public static Refusal Unprocessable(string field, string reason) => new(RefusalKind.Unprocessable, field, reason);

    public static Refusal Unavailable(string reason) => new(RefusalKind.Unavailable, null, reason);

    public override string ToString() => Field is null ? Reason : $"{Field}: {Reason}";
}
