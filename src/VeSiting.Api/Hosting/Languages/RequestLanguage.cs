using Microsoft.Net.Http.Headers;

namespace VeSiting.Api.Hosting.Languages;

/// <summary>
/// The one place the HTTP service maps a request to the language of its answer: the <c>lang</c> query parameter
/// (<c>da</c>, <c>en</c>) when given, else the first language of <c>Accept-Language</c> (by quality) that VeSiting has
/// a catalogue for, else English. Reasons' <c>text</c> and the answers' rendered sentences are written in it, and the
/// response says which in <c>Content-Language</c>.
/// </summary>
public static class RequestLanguage
{
    public const string Parameter = "lang";

    /// <summary>Why a <c>lang</c> value is refused, or null when VeSiting speaks it.</summary>
    public static Reason? Problem(string value) => MessageCatalogue.Find(value) is null
        ? Reason.Of("problem.not-a-language", ("value", $"'{(value.Length > 20 ? value[..20] + "…" : value)}'"), ("languages", Reason.Alternatives(MessageCatalogue.Languages.Keys.Order(StringComparer.Ordinal))))
        : null;


    public static MessageCatalogue Of(HttpRequest request)
    {
        if (request.Query.TryGetValue(Parameter, out var asked) && asked.Count > 0 && MessageCatalogue.Find(asked[0]) is { } chosen)
            return chosen;
        var preferences = request.GetTypedHeaders().AcceptLanguage;
        return preferences
            .Where(p => (p.Quality ?? 1) > 0)
            .Select((p, order) => (p, order))
            .OrderByDescending(x => x.p.Quality ?? 1).ThenBy(x => x.order)
            .Select(x => x.p.Value.Value == "*" ? null : MessageCatalogue.Find(x.p.Value.Value))
            .FirstOrDefault(c => c is not null) ?? MessageCatalogue.English;
    }

    /// <summary>Answers the rest of the request in its language (after the query's rules have refused a bad <c>lang</c>).</summary>
    public static void UseRequestLanguage(this WebApplication app) => app.Use(async (http, next) =>
    {
        var catalogue = Of(http.Request);
        http.Response.OnStarting(() =>
        {
            var problem = http.Response.ContentType?.StartsWith("application/problem", StringComparison.OrdinalIgnoreCase) == true;
            http.Response.Headers.ContentLanguage = problem
                ? http.Items[ProblemHandling.LanguageItem] as string ?? MessageCatalogue.English.Language
                : catalogue.Language;
            if (!http.Response.Headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase) == true))
                http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            return Task.CompletedTask;
        });
        using (MessageCatalogue.Use(catalogue))
            await next(http);
    });
}
