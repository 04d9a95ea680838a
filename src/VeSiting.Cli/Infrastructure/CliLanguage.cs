using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Infrastructure;

/// <summary>
/// The one place the command line maps its syntax to the language of its answers: the global <c>--lang da|en</c>
/// option (anywhere among the arguments, also as <c>--lang=da</c>), else <c>VESITING_LANG</c>, else the environment's
/// locale (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>, e.g. <c>da_DK.UTF-8</c>), else English. A language VeSiting
/// has no catalogue for is an error when asked for by name (<c>--lang</c>, <c>VESITING_LANG</c>) and English when it
/// is only the environment's locale (<c>C.UTF-8</c>, <c>fr_FR</c>).
/// </summary>
public static class CliLanguage
{
    public const string Option = "--lang";
    public const string Variable = "VESITING_LANG";
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The chosen catalogue and the arguments without the <c>--lang</c> option.</summary>
    /// <exception cref="UsageException">--lang or VESITING_LANG names a language VeSiting does not speak, or --lang has no value.</exception>
    public static (MessageCatalogue Catalogue, string[] Others) Choose(string[] args, Func<string, string?> environment)
    {
        var rest = new List<string>(args.Length);
        string? asked = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Option)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith('-'))
                    throw new UsageException($"{Option}: give a language ({Spoken})");
                asked = args[++i];
            }
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal))
            {
                asked = args[i][(Option.Length + 1)..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        if (asked is not null)
            return (Named(asked, Option), [.. rest]);
        if (environment(Variable) is { Length: > 0 } variable)
            return (Named(variable, Variable), [.. rest]);
        var locale = LocaleVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return (MessageCatalogue.Find(locale?.Split('.', '@')[0]) ?? MessageCatalogue.English, [.. rest]);
    }

    private static string Spoken => string.Join(" or ", MessageCatalogue.Languages.Keys.Order(StringComparer.Ordinal));

    private static MessageCatalogue Named(string value, string where) =>
        MessageCatalogue.Find(value) ?? throw new UsageException($"{where}: '{value}' is not a language of VeSiting; use {Spoken}");
}
