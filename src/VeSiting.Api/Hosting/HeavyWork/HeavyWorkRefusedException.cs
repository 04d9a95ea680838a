namespace VeSiting.Api.Hosting.HeavyWork;

/// <summary>Heavy work not done: the queue is full or the time limit passed. Answered 503 with Retry-After.</summary>
public sealed class HeavyWorkRefusedException(string reason, int retryAfterSeconds) : Exception(reason)
{
    public string Reason { get; } = reason;
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
