using System.Text;
using VeSiting.Api.Hosting.Security;
using VeSiting.Core.Outcomes;
using VeSiting.Data.Importers.Projects;
using VeSiting.Reports;

namespace VeSiting.Api.Endpoints;

/// <summary>Saved planned projects: saving, replacing and deleting need an API key; reading and assessing them do not.</summary>
public static class ProjectEndpoints
{
    public static void MapProjects(this WebApplication app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapPost("/", Create).AnswersJson(StatusCodes.Status201Created).RequireApiKey().AcceptsJsonBody()
            .WithSummary("Save a planned project (API key required)")
            .WithDescription("Body: the same GeoJSON as POST /api/assess/project (checked the same way). Name from `?name=` or the body's `name`. Answers 201 with the project's address.");
        group.MapPut("/{id}", Replace).AnswersJson().RequireApiKey().AcceptsJsonBody()
            .WithSummary("Save a planned project under this id, replacing any (API key required)");
        group.MapDelete("/{id}", Delete).Produces(StatusCodes.Status204NoContent).RequireApiKey().WithSummary("Delete a saved project (API key required)");
        group.MapGet("/", List).AnswersJson().WithSummary("Saved projects, newest first");
        group.MapGet("/{id}", Get).AnswersJson(contentType: "application/geo+json").WithSummary("A saved project's GeoJSON as submitted");
        group.MapGet("/{id}/assessment", Assess).Answers<Contracts.ProjectAnswer>().RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork()
            .WithSummary("Assess a saved project against today's data (`format` = json, geojson, csv, gpkg, pdf, html)");
        group.MapGet("/{id}/report.pdf", (HttpContext http, ServiceData data, string id, int? year, int? flickerYear, string? lang, CancellationToken cancellationToken) =>
                Report(http, data, id, year, flickerYear, lang, CaseReportFormat.Pdf, cancellationToken)).AnswersFile("application/pdf")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork()
            .WithSummary("A saved project's case report as PDF (A4): map, summary, neighbour table, money, and the rules and data behind every number")
            .WithDescription("`lang=en` (default) or `da`. Example: `/api/projects/{id}/report.pdf?lang=da`.");
        group.MapGet("/{id}/report.html", (HttpContext http, ServiceData data, string id, int? year, int? flickerYear, string? lang, CancellationToken cancellationToken) =>
                Report(http, data, id, year, flickerYear, lang, CaseReportFormat.Html, cancellationToken)).AnswersText("text/html")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork()
            .WithSummary("A saved project's case report as one self-contained HTML page (inline style, the map embedded; prints on A4)")
            .WithDescription("`lang=en` (default) or `da`.");
    }

    private static async Task<IResult> Create(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, string? name, CancellationToken cancellationToken)
    {
        if (!(await ReadAsync(http, options.Value, Guid.NewGuid().ToString("n")[..16], name, cancellationToken)).TryGet(out var project, out var refusal))
            return refusal.Problem();
        await data.Projects.SaveAsync(project, cancellationToken);
        return Results.Created($"/api/projects/{project.Id}", Summary(project));
    }

    private static async Task<IResult> Replace(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, string id, string? name, CancellationToken cancellationToken)
    {
        if (!ValidId(id).TryGet(out var valid, out var refusal) || !(await ReadAsync(http, options.Value, valid, name, cancellationToken)).TryGet(out var project, out refusal))
            return refusal.Problem();
        await data.Projects.SaveAsync(project, cancellationToken);
        return Results.Ok(Summary(project));
    }

    private static async Task<IResult> Delete(ServiceData data, string id, CancellationToken cancellationToken) =>
        !ValidId(id).TryGet(out var valid, out var refusal) ? refusal.Problem()
        : await data.Projects.DeleteAsync(valid, cancellationToken) ? Results.NoContent() : NotFound(id).Problem();

    private static async Task<IResult> List(ServiceData data, CancellationToken cancellationToken) =>
        Results.Ok((await data.Projects.ListAsync(cancellationToken)).Select(Summary));

    private static async Task<IResult> Get(ServiceData data, string id, CancellationToken cancellationToken) =>
        !ValidId(id).TryGet(out var valid, out var refusal) ? refusal.Problem()
        : await data.Projects.GetAsync(valid, cancellationToken) is { } project
            ? Results.Text(project.GeoJson, "application/geo+json", Encoding.UTF8)
            : NotFound(id).Problem();

    private static async Task<IResult> Assess(HttpContext http, ServiceData data, string id, int? year, string? format, int? flickerYear, string? lang, CancellationToken cancellationToken)
    {
        if (!CaseReportResults.LanguageOf(lang).TryGet(out var language, out var refusal)
            || !(await AssessAsync(data, id, year, flickerYear, cancellationToken)).TryGet(out var answer, out refusal))
            return refusal.Problem();
        if (CaseReportResults.FormatOf(format) is { } report)
            return await CaseReportResults.MakeAsync(http, data, answer.Assessment, answer.Flicker, report, language, cancellationToken);
        return AssessEndpoints.ProjectResult(answer.Assessment, answer.Flicker, format);
    }

    private static async Task<IResult> Report(HttpContext http, ServiceData data, string id, int? year, int? flickerYear, string? lang, CaseReportFormat format,
        CancellationToken cancellationToken)
    {
        if (!CaseReportResults.LanguageOf(lang).TryGet(out var language, out var refusal)
            || !(await AssessAsync(data, id, year, flickerYear, cancellationToken)).TryGet(out var answer, out refusal))
            return refusal.Problem();
        return await CaseReportResults.MakeAsync(http, data, answer.Assessment, answer.Flicker, format, language, cancellationToken);
    }

    /// <summary>A saved project read as a new one is (its stored name and the layout's own permit date), then assessed.</summary>
    private static async Task<Outcome<(ProjectAssessment Assessment, ShadowFlickerPart Flicker)>> AssessAsync(ServiceData data, string id, int? year, int? flickerYear,
        CancellationToken cancellationToken)
    {
        if (!ValidId(id).TryGet(out var valid, out var refusal))
            return refusal;
        if (await data.Projects.GetAsync(valid, cancellationToken) is not { } saved)
            return NotFound(id);
        using var document = JsonDocument.Parse(saved.GeoJson);
        if (!PlannedLayouts.Read(document.RootElement, "project").TryGet(out var layout, out refusal)
            || !ProjectQuestion.Parse(layout, new ProjectText(saved.Name, FlickerYear: flickerYear)).TryGet(out var question, out refusal))
            return refusal;
        var context = data.Context(year);
        var assessment = await new ProjectAssessor(context).AssessAsync(question.Project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(question.Project.Plants, question.FlickerYear.For(context.Today), cancellationToken);
        return (assessment, flicker);
    }

    /// <summary>Reads and checks the body exactly as an assessment would (<see cref="ProjectQuestion"/>), so only assessable projects are saved.</summary>
    private static async Task<Outcome<SavedProject>> ReadAsync(HttpContext http, VeSitingOptions options, string id, string? name, CancellationToken cancellationToken)
    {
        using var document = await JsonBody.ReadAsync(http.Request, options, cancellationToken);
        if (!PlannedLayouts.Read(document.RootElement, "body", options.MaxPlantsPerProject).TryGet(out var layout, out var refusal)
            || !ProjectQuestion.Parse(layout, new ProjectText(name)).TryGet(out var question, out refusal))
            return refusal;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Whole milliseconds: both stores keep them exactly (PostgreSQL keeps microseconds, .NET ticks are finer).
        var savedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        return new SavedProject(id, question.Project.Name, savedAt, layout.Plants.Count, document.RootElement.GetRawText());
    }

    /// <summary>An id that cannot name a saved project is "not found", as a well-formed id that names none.</summary>
    private static Outcome<string> ValidId(string id) =>
        SavedProject.IsValidId(id) ? id : Refusal.NotFound("id", Reason.Of("project.id-form"));

    private static Refusal NotFound(string id) => Refusal.NotFound("id", Reason.Of("project.no-saved", ("value", ValueText.Echo(id))));

    private static object Summary(SavedProject p) => new
    {
        id = p.Id,
        name = p.Name,
        savedAt = p.SavedAt,
        plantCount = p.PlantCount,
        links = new { self = $"/api/projects/{p.Id}", assessment = $"/api/projects/{p.Id}/assessment", report = $"/api/projects/{p.Id}/report.pdf" },
    };
}
