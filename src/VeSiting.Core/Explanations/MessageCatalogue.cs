using System.Text;
using System.Text.Json;

namespace VeSiting.Core.Explanations;

/// <summary>
/// One language's messages: a template per reason code, with <c>{name}</c> (or <c>{name:format}</c>) naming a value
/// of the reason. Numbers are written in the language's own way (en: 1,234.5; da: 1.234,5), dates as ISO 8601,
/// nested reasons rendered in the same language. The catalogues are the JSON files in <c>Messages/</c>, embedded in
/// the assembly: a new language is one file. Terms of the law keep their Danish words in every language.
/// </summary>
public sealed class MessageCatalogue
{
    private static readonly Lazy<IReadOnlyDictionary<string, MessageCatalogue>> All = new(LoadAll);
    private static readonly AsyncLocal<MessageCatalogue?> Chosen = new();
    private readonly IReadOnlyDictionary<string, string> _messages;

    private MessageCatalogue(string language, string name, CultureInfo culture, IReadOnlyDictionary<string, string> messages)
    {
        Language = language;
        Name = name;
        Culture = culture;
        _messages = messages;
    }

    /// <summary>The language's code (ISO 639-1), e.g. <c>da</c>.</summary>
    public string Language { get; }

    /// <summary>The language's own name, e.g. <c>Dansk</c>.</summary>
    public string Name { get; }

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Codes => (IReadOnlyCollection<string>)_messages.Keys;

    public static MessageCatalogue English => All.Value["en"];

    public static MessageCatalogue Danish => All.Value["da"];

    /// <summary>
    /// The language the current answer is written in (English unless a front end chose another for this flow of
    /// work, see <see cref="Use"/>): JSON writes a reason's <c>text</c> in it.
    /// </summary>
    public static MessageCatalogue Current => Chosen.Value ?? English;

    /// <summary>Answers in the given language until the returned scope is disposed (flows with async work).</summary>
    public static IDisposable Use(MessageCatalogue catalogue)
    {
        var before = Chosen.Value;
        Chosen.Value = catalogue;
        return new Restore(before);
    }

    /// <summary>Every catalogue, by language code.</summary>
    public static IReadOnlyDictionary<string, MessageCatalogue> Languages => All.Value;

    /// <summary>The catalogue of a language code (<c>da</c>, <c>da-DK</c>, <c>en-GB</c>…), or null when there is none.</summary>
    public static MessageCatalogue? Find(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
            return null;
        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.Value.TryGetValue(primary, out var catalogue) ? catalogue : null;
    }

    public bool Has(string code) => _messages.ContainsKey(code);

    /// <summary>The template of a code, or null.</summary>
    public string? Template(string code) => _messages.TryGetValue(code, out var t) ? t : null;

    /// <summary>The reason in this language; a code this catalogue lacks falls back to English.</summary>
    public string Render(Reason reason)
    {
        var template = Template(reason.Code) ?? English.Template(reason.Code) ?? reason.Code;
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            if (close < 0)
                throw new FormatException($"message '{reason.Code}' ({Language}) has an unclosed '{{'");
            text.Append(template, i, open - i);
            var placeholder = template.AsSpan(open + 1, close - open - 1).ToString();
            var colon = placeholder.IndexOf(':');
            var name = colon < 0 ? placeholder : placeholder[..colon];
            var format = colon < 0 ? null : placeholder[(colon + 1)..];
            var value = reason[name] ?? throw new FormatException($"message '{reason.Code}' ({Language}) names '{name}', which the reason does not carry");
            text.Append(Format(value, format));
            i = close + 1;
        }
        return text.ToString();
    }

    /// <summary>The placeholder names of a template, in order.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i);
            if (close < 0)
                yield break;
            var placeholder = template[(i + 1)..close];
            var colon = placeholder.IndexOf(':');
            yield return colon < 0 ? placeholder : placeholder[..colon];
            i = close + 1;
        }
    }

    /// <summary>A number as this language writes it (at most two decimals unless a format is given).</summary>
    public string Number(double value, string? format = null) => value.ToString(format ?? "#,0.##", Culture);

    private string Format(object value, string? format) => value switch
    {
        double d => Number(d, format),
        int n => Number(n, format),
        long n => Number(n, format),
        DateOnly date => date.ToString(format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reason nested => Render(nested),
        _ => value.ToString() ?? "",
    };

    private sealed class Restore(MessageCatalogue? before) : IDisposable
    {
        public void Dispose() => Chosen.Value = before;
    }

    private static IReadOnlyDictionary<string, MessageCatalogue> LoadAll()
    {
        var assembly = typeof(MessageCatalogue).Assembly;
        var catalogues = new Dictionary<string, MessageCatalogue>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("VeSiting.Messages.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var language = root.GetProperty("language").GetString()!;
            var messages = root.GetProperty("messages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            catalogues[language] = new MessageCatalogue(language, root.GetProperty("name").GetString()!,
                CultureInfo.GetCultureInfo(root.GetProperty("culture").GetString()!), messages);
        }
        if (!catalogues.ContainsKey("en"))
            throw new InvalidOperationException("the English message catalogue is not embedded in VeSiting.Core");
        return catalogues;
    }
}
