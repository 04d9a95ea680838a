namespace VeSiting.Api.Hosting;

/// <summary>
/// Bad input: becomes an RFC 7807 problem naming the field and the reason. <see cref="Reason"/> is the English text; a
/// problem written as a code and values also carries it as <see cref="Because"/>, so it is answered in the request's language.
/// </summary>
public sealed class ProblemException(string field, string reason, int status = StatusCodes.Status400BadRequest) : Exception($"{field}: {reason}")
{
    public ProblemException(string field, Reason because, int status = StatusCodes.Status400BadRequest)
        : this(field, because.Text, status) => Because = because;

    public string Field { get; } = field;
    public string Reason { get; } = reason;
    public int Status { get; } = status;

    /// <summary>The reason as a code and values (null: only the English <see cref="Reason"/>).</summary>
    public Reason? Because { get; init; }

    /// <summary>Every error of a whole document, when the problem is about one (the problem's <c>errors</c> member).</summary>
    public object? Errors { get; init; }
}
