using VeSiting.Core.Explanations;
using VeSiting.Core.Outcomes;
using VeSiting.Core.Stores;

namespace VeSiting.Cli.Infrastructure;

/// <summary>
/// The CLI's rendering of a core refusal: "not found", a usage error (the reason names the option), or the store's
/// failure; the reason in the command line's language (<see cref="CliLanguage"/>) when it has a code, the option never translated.
/// </summary>
public static class CliRefusals
{
    /// <summary>The answer, or the refusal raised as the CLI's error for its kind.</summary>
    public static T OrExit<T>(this Outcome<T> outcome) => outcome.TryGet(out var value, out var refusal) ? value : throw Exception(refusal);

    /// <summary>
    /// The answer, or the refusal raised as the CLI's error, the option named by <paramref name="option"/> (a command's own
    /// syntax for some fields, e.g. the i-th <c>--file</c>; null: the usual <see cref="Option"/>).
    /// </summary>
    public static T OrExit<T>(this Outcome<T> outcome, Func<string?, string?> option) =>
        outcome.TryGet(out var value, out var refusal) ? value : throw Exception(refusal, option(refusal.Field) ?? Option(refusal.Field));

    public static Exception Exception(Refusal refusal) => Exception(refusal, Option(refusal.Field));

    private static Exception Exception(Refusal refusal, string? option)
    {
        var reason = Said(refusal);
        return refusal.Kind switch
        {
            RefusalKind.NotFound => new NotFoundException(reason),
            RefusalKind.Unavailable => new StoreUnavailableException(reason),
            RefusalKind.Unprocessable => new InvalidDataException(option is not null ? $"{option}: {reason}" : reason),
            _ => new UsageException(option is not null ? $"{option}: {reason}" : reason),
        };
    }

    /// <summary>The refusal's reason in the answer's language (English when it has no code).</summary>
    public static string Said(Refusal refusal) => refusal.Render(MessageCatalogue.Current);

    /// <summary>
    /// A refusal of a document given with <paramref name="option"/> (a layout file): the option, the field inside the
    /// document (none when it is the document as a whole, <paramref name="field"/>) and the reason, then every error found
    /// when there are several, each with its feature and property.
    /// </summary>
    public static T OrExitIn<T>(this Outcome<T> outcome, string option, string field)
    {
        if (outcome.TryGet(out var value, out var refusal))
            return value;
        var reason = Said(refusal);
        var line = refusal.Field is null || refusal.Field == field ? $"{option}: {reason}" : $"{option}: {refusal.Field}: {reason}";
        var more = refusal.Issues.Count > 1 ? string.Concat(refusal.Issues.Select(i => $"\n  {i.Render(MessageCatalogue.Current)}")) : "";
        throw new UsageException(line + more);
    }

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
