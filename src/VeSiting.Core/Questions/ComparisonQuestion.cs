using VeSiting.Core.Assessments;
using VeSiting.Core.Assessments.Comparison;

namespace VeSiting.Core.Questions;

/// <summary>
/// One layout of a comparison as a front end read it (a member of the body, a file): the layout or the reader's refusal,
/// and the name its column takes when the layout names none (null: "layout A", "layout B", …).
/// </summary>
public sealed record LayoutText(Outcome<PlannedLayout> Layout, string? FallbackName = null);

/// <summary>A comparison as typed: the layouts or the saved projects' ids (one of the two), and the options both front ends take.</summary>
public sealed record ComparisonText(IReadOnlyList<LayoutText> Layouts, IReadOnlyList<string> Projects, string? PermitDate = null, int? FlickerYear = null);

/// <summary>A layout of a comparison ready to assess: the project (name, plants, permit date) and the saved project it is (null: given as a layout).</summary>
public sealed record ComparisonEntry(Project Project, string? SavedId);

/// <summary>
/// "How do these layouts compare?": 2–5 planned layouts (each read as <see cref="ProjectQuestion"/> reads one) or 2–5 saved
/// projects, not both; a permit date for all of them (else each layout's own) and the flicker year. The service's
/// <c>POST /api/assess/compare</c> (<c>{"layouts": […]}</c> or <c>{"projects": […]}</c>) and the command line's
/// <c>assess compare</c> (<c>--file</c> or <c>--project</c>, repeated) both ask it. Refusals name <c>layouts</c> or
/// <c>projects</c> (none, both, too few or too many), <c>layouts[i]</c> (the i-th layout, with the field inside it before the
/// reason: <c>hub_height_m: feature 1: …</c>), <c>projects[i]</c> (not an id: invalid; no such project: not found),
/// <c>permitDate</c> or <c>flickerYear</c>.
/// </summary>
public sealed record ComparisonQuestion(IReadOnlyList<ComparisonQuestion.Source> Sources, DateOnly? PermitDate, FlickerYearQuestion FlickerYear)
{
    public const string LayoutsField = "layouts";
    public const string ProjectsField = "projects";

    /// <summary>Where a compared layout comes from.</summary>
    public abstract record Source
    {
        private Source()
        {
        }

        /// <summary>A layout given with the question, its project already named.</summary>
        public sealed record Given(Project Project) : Source;

        /// <summary>A saved project, found when the question is resolved.</summary>
        public sealed record Saved(string Id) : Source;
    }

    /// <summary>The field of the <paramref name="index"/>-th layout or saved project.</summary>
    public static string Field(string list, int index) => $"{list}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The question, or the first refusal: which and how many, then the options, then each layout or id in turn.</summary>
    public static Outcome<ComparisonQuestion> Parse(ComparisonText text)
    {
        var hasLayouts = text.Layouts.Count > 0;
        var hasProjects = text.Projects.Count > 0;
        if (hasLayouts && hasProjects)
            return Refusal.Invalid(ProjectsField, Reason.Of("compare.not-both"));
        if (!hasLayouts && !hasProjects)
            return Refusal.Invalid(LayoutsField, Reason.Of("compare.give", ("min", LayoutComparer.MinLayouts), ("max", LayoutComparer.MaxLayouts)));
        var (list, count) = hasLayouts ? (LayoutsField, text.Layouts.Count) : (ProjectsField, text.Projects.Count);
        if (count is < LayoutComparer.MinLayouts or > LayoutComparer.MaxLayouts)
            return Refusal.Invalid(list, Reason.Of(count == 1 ? "compare.count-one" : "compare.count", ("count", count), ("min", LayoutComparer.MinLayouts), ("max", LayoutComparer.MaxLayouts)));
        if (text.PermitDate is { } permitText && ValueText.StrictDate(permitText) is { } badDate)
            return Refusal.Invalid("permitDate", badDate);
        if (!FlickerYearQuestion.Parse(text.FlickerYear).TryGet(out var year, out var refusal))
            return refusal;
        var permit = text.PermitDate is { } given ? DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;

        var sources = new List<Source>();
        for (var i = 0; i < text.Layouts.Count; i++)
        {
            var at = Field(LayoutsField, i);
            var (read, fallback) = text.Layouts[i];
            if (!read.TryGet(out var layout, out refusal) || !AsProject(layout, permit, fallback ?? $"layout {ComparedLayout.KeyOf(i)}").TryGet(out var project, out refusal))
                return Within(refusal, at);
            sources.Add(new Source.Given(project));
        }
        for (var i = 0; i < text.Projects.Count; i++)
        {
            var id = text.Projects[i];
            if (!SavedProject.IsValidId(id))
                return Refusal.Invalid(Field(ProjectsField, i), Reason.Of("project.not-id", ("value", ValueText.Echo(id))));
            sources.Add(new Source.Saved(id));
        }
        return new ComparisonQuestion(sources, permit, year);
    }

    /// <summary>
    /// Each layout as a project, in the order asked: saved projects found in <paramref name="projects"/> (null: the question
    /// names none) and read by <paramref name="read"/> (the GeoJSON text and the field it is at) as a new layout is; a
    /// saved project keeps its stored name. An id naming no saved project is "not found".
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ComparisonEntry>>> ResolveAsync(IProjectStore? projects, Func<string, string, Outcome<PlannedLayout>> read,
        CancellationToken cancellationToken = default)
    {
        var entries = new List<ComparisonEntry>();
        for (var i = 0; i < Sources.Count; i++)
        {
            switch (Sources[i])
            {
                case Source.Given(var given):
                    entries.Add(new ComparisonEntry(given, null));
                    break;
                case Source.Saved(var id):
                    var at = Field(ProjectsField, i);
                    var saved = await (projects ?? throw new ArgumentNullException(nameof(projects), "the question names saved projects")).GetAsync(id, cancellationToken);
                    if (saved is null)
                        return Refusal.NotFound(at, Reason.Of("project.no-saved", ("value", ValueText.Echo(id))));
                    if (!read(saved.GeoJson, at).TryGet(out var layout, out var refusal) || !AsProject(layout with { Name = saved.Name }, PermitDate, saved.Name).TryGet(out var project, out refusal))
                        return Within(refusal, at);
                    entries.Add(new ComparisonEntry(project, saved.Id));
                    break;
            }
        }
        return entries;
    }

    /// <summary>A layout as a project, named and dated as <see cref="ProjectQuestion"/> does (an empty name is no name).</summary>
    private static Outcome<Project> AsProject(PlannedLayout layout, DateOnly? permit, string fallbackName)
    {
        var named = string.IsNullOrWhiteSpace(layout.Name) ? layout with { Name = null } : layout;
        if (!ProjectQuestion.Parse(named, new ProjectText(), fallbackName).TryGet(out var question, out var refusal))
            return refusal;
        return permit is null ? question.Project : question.Project with { PermitDate = permit };
    }

    /// <summary>A refusal about one layout named by its place in the list, the field inside it before the reason.</summary>
    private static Refusal Within(Refusal refusal, string at) =>
        refusal.Field is null || refusal.Field == at
            ? refusal with { Field = at }
            : refusal with
            {
                Field = at,
                Reason = $"{refusal.Field}: {refusal.Reason}",
                Because = refusal.Because is { } because ? Reason.About(refusal.Field, because) : null,
            };
}
