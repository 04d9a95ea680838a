namespace VeSiting.Api.Hosting.HeavyWork;

/// <summary>Heavy work not done: the queue is full or the time limit passed. Answered 503 with Retry-After, in the request's language.</summary>
public sealed class HeavyWorkRefusedException(Reason because, int retryAfterSeconds) : Exception(because.Text)
{
    /// <summary>The English reason.</summary>
    public string Reason { get; } = because.Text;

    /// <summary>The reason as a code and values.</summary>
    public Reason Because { get; } = because;

    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
