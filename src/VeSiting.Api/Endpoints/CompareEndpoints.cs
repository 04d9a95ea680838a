using System.Text;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Contracts;
using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Importing;
using VeSiting.Data.Exports;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Api.Endpoints;

/// <summary>Layouts side by side: each assessed as <c>POST /api/assess/project</c> does, then compared by <see cref="LayoutComparer"/>.</summary>
public static class CompareEndpoints
{
    public static void MapCompare(this WebApplication app)
    {
        app.MapPost("/api/assess/compare", Compare).Answers<ComparisonAnswer>().WithTags("Assessments")
            .WithSummary("Compare 2–5 layouts: one table, a column per layout, the best value of each row marked, the differences in words")
            .WithDescription("Body: `{\"layouts\": [layout, …]}` (2–5 layouts, each the GeoJSON body of POST /api/assess/project; a layout's `name` names its column) or `{\"projects\": [id, …]}` (2–5 saved projects), not both. Rows: turbines, MW, estimated production; dwellings within each scheme ring, closer than the minimum distance, households with the sales option; VE-bonus households and DKK a year; green pool per municipality; dwellings that may claim loss of value without a fee; the worst dwelling's noise at 8 and 6 m/s and the dwellings over each noise limit; the worst dwelling's expected shadow flicker and the dwellings over the recommendation. Each row has its `status` (law, estimate; `layout` for the layout's own figures), `better` (lower, higher or neither), `best` (the layouts with the best value) and `differences` (reasons, code and text). `?format=json` (default; with `features=true` each layout carries its GeoJSON), `csv` (one row per measure, a column per layout) or `gpkg` (one layer per layout with its plants and dwellings, and the table `comparison`).")
            .AcceptsJsonBody()
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
    }

    private sealed record Layout(string Name, string? ProjectId, IReadOnlyList<Plant> Plants, DateOnly? Permit);

    private static async Task<IResult> Compare(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, string? format, int? year, bool? features, int? flickerYear,
        CancellationToken cancellationToken)
    {
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "csv" or "gpkg"))
            throw new ProblemException("format", $"'{format}' is not json, csv or gpkg");
        List<Layout> layouts;
        using (var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken))
            layouts = await LayoutsAsync(document.RootElement, data.Projects, options.Value, cancellationToken);

        var context = data.Context(year);
        var compared = new List<ComparedLayout>();
        foreach (var (layout, i) in layouts.Select((l, i) => (l, i)))
        {
            var assessment = await new ProjectAssessor(context).AssessAsync(new Project(layout.Name, layout.Plants, layout.Permit), cancellationToken);
            var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(layout.Plants, ShadowFlickerEndpoints.Year(flickerYear, context.Today), cancellationToken);
            compared.Add(new ComparedLayout(ComparedLayout.KeyOf(i), layout.Name, assessment, flicker));
        }
        var comparison = new LayoutComparer(context.Rules).Compare(compared);
        return kind switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(ComparisonExport.Csv(comparison)), "text/csv", "comparison.csv"),
            "gpkg" => Results.File(ComparisonExport.GeoPackage(comparison), "application/geopackage+sqlite3", "comparison.gpkg"),
            _ => Results.Ok(ComparisonAnswer.Of(comparison, [.. layouts.Select(l => l.ProjectId)], features == true ? Features : null)),
        };
    }

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static JsonElement? Features(ComparedLayout layout)
    {
        var collection = ProjectAnswer.Features(layout.Assessment);
        foreach (var feature in layout.Flicker is { } flicker ? ShadowFlickerAnswer.Features(flicker) : [])
            collection.Add(feature);
        return JsonSerializer.SerializeToElement(collection, GeoJson);
    }

    /// <summary>The body's layouts (checked as project bodies are) or saved projects (each found); anything else is refused naming the member.</summary>
    private static async Task<List<Layout>> LayoutsAsync(JsonElement root, IProjectStore projects, VeSitingOptions options, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ProblemException("body", "give an object with \"layouts\" (GeoJSON layouts) or \"projects\" (saved project ids)");
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is not ("layouts" or "projects"))
                throw new ProblemException(member.Name, "not a member of a comparison: give \"layouts\" or \"projects\"");
        }
        var hasLayouts = root.TryGetProperty("layouts", out var layouts);
        var hasProjects = root.TryGetProperty("projects", out var ids);
        if (hasLayouts && hasProjects)
            throw new ProblemException("projects", "give \"layouts\" or \"projects\", not both");
        if (!hasLayouts && !hasProjects)
            throw new ProblemException("layouts", "give \"layouts\" (2–5 GeoJSON layouts) or \"projects\" (2–5 saved project ids)");
        var field = hasLayouts ? "layouts" : "projects";
        var list = hasLayouts ? layouts : ids;
        if (list.ValueKind != JsonValueKind.Array)
            throw new ProblemException(field, "must be an array");
        var count = list.GetArrayLength();
        if (count is < LayoutComparer.MinLayouts or > LayoutComparer.MaxLayouts)
            throw new ProblemException(field, $"{count} {(count == 1 ? "entry" : "entries")}; a comparison takes {LayoutComparer.MinLayouts} to {LayoutComparer.MaxLayouts}");

        var result = new List<Layout>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{field}[{index}]";
            result.Add(hasLayouts
                ? Read(item, at, $"layout {ComparedLayout.KeyOf(index)}", null, options)
                : await SavedAsync(item, at, projects, options, cancellationToken));
            index++;
        }
        return result;
    }

    private static async Task<Layout> SavedAsync(JsonElement item, string at, IProjectStore projects, VeSitingOptions options, CancellationToken cancellationToken)
    {
        if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } id || !SavedProject.IsValidId(id))
            throw new ProblemException(at, "a project id has 1–64 lower-case letters, digits and dashes");
        var saved = await projects.GetAsync(id, cancellationToken) ?? throw new ProblemException(at, $"no saved project '{id}'", StatusCodes.Status404NotFound);
        using var document = JsonDocument.Parse(saved.GeoJson);
        return Read(document.RootElement, at, saved.Name, saved.Id, options);
    }

    /// <summary>One layout, checked and read exactly as <c>POST /api/assess/project</c> reads its body; a problem names the layout.</summary>
    private static Layout Read(JsonElement layout, string at, string fallbackName, string? projectId, VeSitingOptions options)
    {
        if (layout.ValueKind != JsonValueKind.Object)
            throw new ProblemException(at, "a layout is a GeoJSON FeatureCollection");
        try
        {
            if (GeoJsonCheck.Project(layout) is { } broken)
                throw RefusalProblems.Exception(broken);
            var (plants, permit) = new PlannedProjectReader().Read(layout, at);
            if (plants.Count > options.MaxPlantsPerProject)
                throw new ProblemException(at, $"{plants.Count} plants; at most {options.MaxPlantsPerProject} per layout");
            var name = projectId is null && layout.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 and <= 200 } given
                ? given : fallbackName;
            return new Layout(name, projectId, plants, permit);
        }
        catch (ProblemException e) when (!e.Field.StartsWith(at, StringComparison.Ordinal))
        {
            throw new ProblemException(at, e.Field.Length == 0 ? e.Reason : $"{e.Field}: {e.Reason}", e.Status);
        }
        catch (ImportFailedException e)
        {
            var first = e.Errors.FirstOrDefault();
            throw new ProblemException(at, first is null ? e.Message : $"{(first.Row is { } row ? $"feature {row}, " : "")}{first.Column}: {first.Reason}");
        }
    }
}
