namespace VeSiting.Api.Hosting;

/// <summary>Bad input: becomes an RFC 7807 problem naming the field and the reason.</summary>
public sealed class ProblemException(string field, string reason, int status = StatusCodes.Status400BadRequest) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
    public int Status { get; } = status;

    /// <summary>Every error of a whole document, when the problem is about one (the problem's <c>errors</c> member).</summary>
    public object? Errors { get; init; }
}
