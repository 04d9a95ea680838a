using VeSiting.Core.Outcomes;
using VeSiting.Core.Stores;

namespace VeSiting.Cli.Infrastructure;

/// <summary>The CLI's rendering of a core refusal: "not found", a usage error (the reason names the option), or the store's failure.</summary>
public static class CliRefusals
{
    /// <summary>The answer, or the refusal raised as the CLI's error for its kind.</summary>
    public static T OrExit<T>(this Outcome<T> outcome) => outcome.TryGet(out var value, out var refusal) ? value : throw Exception(refusal);

    public static Exception Exception(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => new NotFoundException(refusal.Reason),
        RefusalKind.Unavailable => new StoreUnavailableException(refusal.Reason),
        _ => new UsageException(refusal.Reason),
    };
}
