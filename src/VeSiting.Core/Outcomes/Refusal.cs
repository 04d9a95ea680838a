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
/// <see cref="Reason"/> is the English text; a refusal written as a code and values also carries it as
/// <see cref="Because"/>, so a front end renders it in the asker's language. The field is never translated.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string? Field, string Reason)
{
    private Refusal(RefusalKind kind, string? field, Explanations.Reason because)
        : this(kind, field, because.Text) => Because = because;

    /// <summary>The reason as a code and values, when the producer wrote it so (else null: <see cref="Reason"/> is the whole of it).</summary>
    public Explanations.Reason? Because { get; init; }

    /// <summary>The reason in the given language: <see cref="Because"/> rendered, or the English <see cref="Reason"/> when there is no code.</summary>
    public string Render(Explanations.MessageCatalogue catalogue) => Because?.Render(catalogue) ?? Reason;

    /// <summary>True when the reason can be written in any language (it has a code).</summary>
    public bool Translatable => Because is not null;

    /// <summary>Every error found where the question carried a whole document (a layout: feature, property, reason); the first is the refusal's own.</summary>
    public IReadOnlyList<Importing.ImportIssue> Issues { get; init; } = [];

    public static Refusal Invalid(string field, string reason) => new(RefusalKind.Invalid, field, reason);

    public static Refusal NotFound(string field, string reason) => new(RefusalKind.NotFound, field, reason);

    public static Refusal Unprocessable(string field, string reason) => new(RefusalKind.Unprocessable, field, reason);

    public static Refusal Unavailable(string reason) => new(RefusalKind.Unavailable, null, reason);

    public static Refusal Invalid(string field, Explanations.Reason because) => new(RefusalKind.Invalid, field, because);

    public static Refusal NotFound(string field, Explanations.Reason because) => new(RefusalKind.NotFound, field, because);

    public static Refusal Unprocessable(string field, Explanations.Reason because) => new(RefusalKind.Unprocessable, field, because);

    public static Refusal Unavailable(Explanations.Reason because) => new(RefusalKind.Unavailable, null, because);

    public override string ToString() => Field is null ? Reason : $"{Field}: {Reason}";
}
