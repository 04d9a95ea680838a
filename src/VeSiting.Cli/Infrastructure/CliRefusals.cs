using VeSiting.Core.Outcomes;
using VeSiting.Core.Questions;
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
        _ => new UsageException(Option(refusal.Field) is { } option ? $"{option}: {refusal.Reason}" : refusal.Reason),
    };

    /// <summary>
    /// The option a question's field is given with on the command line (<c>processRefund</c> → <c>--process-refund</c>;
    /// easting and northing → <c>--utm</c>), or null for a field no one option stands for (the location as a whole).
    /// </summary>
    public static string? Option(string? field) => field switch
    {
        null or LocationQuestion.Field or "request" => null,
        "e" or "n" => "--utm",
        _ => "--" + string.Concat(field.Select(c => char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : c.ToString())),
    };
}
