using VeSiting.Core.Assessments;

namespace VeSiting.Core.Questions;

/// <summary>A planned layout as read (a request body, a layout file): its plants, and the permit date and name it carries.</summary>
public sealed record PlannedLayout(IReadOnlyList<Plant> Plants, DateOnly? PermitDate, string? Name);

/// <summary>A project question's options as typed (null: not given); each front end maps its own syntax onto these fields.</summary>
public sealed record ProjectText(string? Name = null, string? PermitDate = null, int? FlickerYear = null);

/// <summary>
/// "What does this planned project mean for its neighbours?": a layout (<see cref="PlannedLayout"/>, read by both front
/// ends with the same checks) with the options both take. The name is the option's, else the layout's own, else the
/// front end's fallback (the file's name; "planned project"); the permit date is the option's, else the layout's (else
/// today's rules, said in the answer). Refusals name <c>permitDate</c>, <c>flickerYear</c> or
/// <c>name</c> (too long).
/// </summary>
public sealed record ProjectQuestion(Project Project, FlickerYearQuestion FlickerYear)
{
    /// <summary>"planned project" in the answer's language (the catalogue's <c>project.name-planned</c>).</summary>
    public static string DefaultName => Reason.Of("project.name-planned").Rendered;

    /// <summary>The question, or the first refusal; <paramref name="fallbackName"/> names it when neither the options nor the layout do.</summary>
    public static Outcome<ProjectQuestion> Parse(PlannedLayout layout, ProjectText text, string? fallbackName = null)
    {
        if (text.PermitDate is { } permitText && ValueText.StrictDate(permitText) is { } badDate)
            return Refusal.Invalid("permitDate", badDate);
        if (!FlickerYearQuestion.Parse(text.FlickerYear).TryGet(out var year, out var refusal))
            return refusal;
        var name = text.Name ?? layout.Name ?? fallbackName ?? DefaultName;
        if (name.Length > InputLimits.MaxProjectNameLength)
            return Refusal.Invalid("name", Reason.Of("project.name-too-long", ("length", name.Length), ("max", InputLimits.MaxProjectNameLength)));
        var permit = text.PermitDate is { } given ? DateOnly.ParseExact(given, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : layout.PermitDate;
        return new ProjectQuestion(new Project(name, layout.Plants, permit), year);
    }
}
