using System.Text;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Contracts;
using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Outcomes;
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
            .WithDescription("Body: `{\"layouts\": [layout, …]}` (2–5 layouts, each the GeoJSON body of POST /api/assess/project; a layout's `name` names its column) or `{\"projects\": [id, …]}` (2–5 saved projects, each with its stored name), not both; a layout's or project's problem names its place (`layouts[1]`, `projects[0]`) with the field inside it before the reason. `permitDate` (yyyy-mm-dd) dates every layout (default: each layout's own `permit_date`), `flickerYear` the flicker's calendar year (default this year); the same question as `vesiting assess compare`. Rows: turbines, MW, estimated production; dwellings within each scheme ring, closer than the minimum distance, households with the sales option; VE-bonus households and DKK a year; green pool per municipality; dwellings that may claim loss of value without a fee; the worst dwelling's noise at 8 and 6 m/s and the dwellings over each noise limit; the worst dwelling's expected shadow flicker and the dwellings over the recommendation. Each row has its `status` (law, estimate; `layout` for the layout's own figures), `better` (lower, higher or neither), `best` (the layouts with the best value) and `differences` (reasons, code and text). `?format=json` (default; with `features=true` each layout carries its GeoJSON), `csv` (one row per measure, a column per layout) or `gpkg` (one layer per layout with its plants and dwellings, and the table `comparison`).")
            .AcceptsJsonBody()
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
    }

    private static async Task<IResult> Compare(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, string? format, int? year, bool? features,
        string? permitDate, int? flickerYear, CancellationToken cancellationToken)
    {
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "csv" or "gpkg"))
            return Refusal.Invalid("format", Reason.Of("format.not-one-of", ("value", ValueText.Echo(format)), ("formats", Reason.Alternatives(["json", "csv", "gpkg"])))).Problem();
        Outcome<ComparisonText> body;
        using (var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken))
            body = Text(document.RootElement, options.Value, permitDate, flickerYear);
        if (!body.TryGet(out var text, out var refusal) || !ComparisonQuestion.Parse(text).TryGet(out var question, out refusal)
            || !(await question.ResolveAsync(data.Projects, (json, at) => PlannedLayouts.Parse(json, at, at, options.Value.MaxPlantsPerProject), cancellationToken))
                .TryGet(out var layouts, out refusal))
            return refusal.Problem();

        var context = data.Context(year);
        var compared = new List<ComparedLayout>();
        foreach (var (layout, i) in layouts.Select((l, i) => (l, i)))
        {
            var assessment = await new ProjectAssessor(context).AssessAsync(layout.Project, cancellationToken);
            var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(layout.Project.Plants, question.FlickerYear.For(context.Today), cancellationToken);
            compared.Add(new ComparedLayout(ComparedLayout.KeyOf(i), layout.Project.Name, assessment, flicker));
        }
        var comparison = new LayoutComparer(context.Rules).Compare(compared);
        return kind switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(ComparisonExport.Csv(comparison)), "text/csv", "comparison.csv"),
            "gpkg" => Results.File(ComparisonExport.GeoPackage(comparison), "application/geopackage+sqlite3", "comparison.gpkg"),
            _ => Results.Ok(ComparisonAnswer.Of(comparison, [.. layouts.Select(l => l.SavedId)], features == true ? Features : null)),
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

    /// <summary>
    /// The body's syntax (<c>{"layouts": […]}</c> or <c>{"projects": […]}</c>) mapped onto the <see cref="ComparisonQuestion"/>:
    /// each layout read as <c>POST /api/assess/project</c> reads its body, at its place in the list; a body of another shape is
    /// refused naming the member.
    /// </summary>
    private static Outcome<ComparisonText> Text(JsonElement root, VeSitingOptions options, string? permitDate, int? flickerYear)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Refusal.Invalid("body", Reason.Of("compare.give-object"));
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is not (ComparisonQuestion.LayoutsField or ComparisonQuestion.ProjectsField))
                return Refusal.Invalid(member.Name, Reason.Of("compare.not-member"));
            if (member.Value.ValueKind != JsonValueKind.Array)
                return Refusal.Invalid(member.Name, Reason.Of("body.must-be-array"));
        }
        var layouts = new List<LayoutText>();
        if (root.TryGetProperty(ComparisonQuestion.LayoutsField, out var given))
        {
            foreach (var (item, i) in given.EnumerateArray().Select((item, i) => (item, i)))
            {
                var at = ComparisonQuestion.Field(ComparisonQuestion.LayoutsField, i);
                layouts.Add(new LayoutText(item.ValueKind == JsonValueKind.Object
                    ? PlannedLayouts.Read(item, at, options.MaxPlantsPerProject)
                    : Refusal.Invalid(at, Reason.Of("compare.layout-collection"))));
            }
        }
        var projects = root.TryGetProperty(ComparisonQuestion.ProjectsField, out var ids)
            ? ids.EnumerateArray().Select(id => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText()).ToList()
            : [];
        return new ComparisonText(layouts, projects, permitDate, flickerYear);
    }
}
