namespace VeSiting.Api.Hosting.Problems;

/// <summary>
/// A problem's title in a language: each English title ("Invalid request", "Not found" …) has the message code
/// <c>problem.title.</c> + its words in lower case joined by dashes (<c>problem.title.not-found</c>); a title without
/// one stays as it is.
/// </summary>
public static class ProblemTitles
{
    public static string Code(string title) => "problem.title." + title.ToLowerInvariant().Replace(' ', '-');

    public static string Render(string title, MessageCatalogue catalogue) =>
        MessageCatalogue.English.Has(Code(title)) ? Reason.Of(Code(title)).Render(catalogue) : title;
}
