using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VeSiting.Api.Hosting;
using VeSiting.Api.Hosting.HeavyWork;
using VeSiting.Api.Hosting.OpenApi;
using VeSiting.Api.Hosting.Security;
using VeSiting.Api.Hosting.Validation;
using VeSiting.Core.Assessments;
using VeSiting.Core.Explanations;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Stores;
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
        var project = await ReadAsync(http, options.Value, Guid.NewGuid().ToString("n")[..16], name, cancellationToken);
        await data.Projects.SaveAsync(project, cancellationToken);
        return Results.Created($"/api/projects/{project.Id}", Summary(project));
    }

    private static async Task<IResult> Replace(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, string id, string? name, CancellationToken cancellationToken)
    {
        var project = await ReadAsync(http, options.Value, ValidId(id), name, cancellationToken);
        await data.Projects.SaveAsync(project, cancellationToken);
        return Results.Ok(Summary(project));
    }

    private static async Task<IResult> Delete(ServiceData data, string id, CancellationToken cancellationToken) =>
        await data.Projects.DeleteAsync(ValidId(id), cancellationToken) ? Results.NoContent() : NotFound(id);

    private static async Task<IResult> List(ServiceData data, CancellationToken cancellationToken) =>
        Results.Ok((await data.Projects.ListAsync(cancellationToken)).Select(Summary));

    private static async Task<IResult> Get(ServiceData data, string id, CancellationToken cancellationToken) =>
        await data.Projects.GetAsync(ValidId(id), cancellationToken) is { } project
            ? Results.Text(project.GeoJson, "application/geo+json", Encoding.UTF8)
            : NotFound(id);

    private static async Task<IResult> Assess(HttpContext http, ServiceData data, string id, int? year, string? format, int? flickerYear, string? lang, CancellationToken cancellationToken)
    {
        var language = CaseReportResults.LanguageOf(lang);
        var (assessment, flicker) = await AssessAsync(data, id, year, flickerYear, cancellationToken);
        if (CaseReportResults.FormatOf(format) is { } report)
            return await CaseReportResults.MakeAsync(http, data, assessment, flicker, report, language, cancellationToken);
        return AssessEndpoints.ProjectResult(assessment, flicker, format);
    }

    private static async Task<IResult> Report(HttpContext http, ServiceData data, string id, int? year, int? flickerYear, string? lang, CaseReportFormat format,
        CancellationToken cancellationToken)
    {
        var language = CaseReportResults.LanguageOf(lang);
        var (assessment, flicker) = await AssessAsync(data, id, year, flickerYear, cancellationToken);
        return await CaseReportResults.MakeAsync(http, data, assessment, flicker, format, language, cancellationToken);
    }

    private static async Task<(ProjectAssessment, ShadowFlickerPart)> AssessAsync(ServiceData data, string id, int? year, int? flickerYear, CancellationToken cancellationToken)
    {
        var project = await data.Projects.GetAsync(ValidId(id), cancellationToken) ?? throw new ProblemException("id", $"no saved project '{id}'", StatusCodes.Status404NotFound);
        using var document = JsonDocument.Parse(project.GeoJson);
        var (plants, permit) = new PlannedProjectReader().Read(document.RootElement, "project");
        var context = data.Context(year);
        var assessment = await new ProjectAssessor(context).AssessAsync(new Project(project.Name, plants, permit), cancellationToken);
        var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(plants, ShadowFlickerEndpoints.Year(flickerYear, context.Today), cancellationToken);
        return (assessment, flicker);
    }

    /// <summary>Reads and checks the body exactly as an assessment would, so only assessable projects are saved.</summary>
    private static async Task<SavedProject> ReadAsync(HttpContext http, VeSitingOptions options, string id, string? name, CancellationToken cancellationToken)
    {
        using var document = await JsonBody.ReadAsync(http.Request, options, cancellationToken);
        GeoJsonBodyCheck.Project(document.RootElement);
        var (plants, _) = new PlannedProjectReader().Read(document.RootElement, "body");
        if (plants.Count > options.MaxPlantsPerProject)
            throw new ProblemException("features", $"{plants.Count} plants; at most {options.MaxPlantsPerProject} per project");
        var title = name ?? (document.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null) ?? Reason.Of("project.name-planned").Rendered;
        if (title.Length > 200)
            throw new ProblemException("name", $"{title.Length} characters; at most 200");
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Whole milliseconds: both stores keep them exactly (PostgreSQL keeps microseconds, .NET ticks are finer).
        var savedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        return new SavedProject(id, title, savedAt, plants.Count, document.RootElement.GetRawText());
    }

    private static string ValidId(string id) =>
        SavedProject.IsValidId(id) ? id : throw new ProblemException("id", "a project id has 1–64 lower-case letters, digits and dashes", StatusCodes.Status404NotFound);

    private static IResult NotFound(string id) => ProblemHandling.NotFound("id", $"no saved project '{id}'");

    private static object Summary(SavedProject p) => new
    {
        id = p.Id,
        name = p.Name,
        savedAt = p.SavedAt,
        plantCount = p.PlantCount,
        links = new { self = $"/api/projects/{p.Id}", assessment = $"/api/projects/{p.Id}/assessment", report = $"/api/projects/{p.Id}/report.pdf" },
    };
}
