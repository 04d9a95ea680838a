using VeSiting.Api.Contracts;
using VeSiting.Core.Outcomes;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Api.Endpoints;

/// <summary>One dwelling's shadow-flicker calendar, from the turbines in operation or from a posted layout.</summary>
public static class ShadowFlickerEndpoints
{
    public static void MapShadowFlicker(this WebApplication app)
    {
        var group = app.MapGroup("/api/shadow-flicker").WithTags("Shadow flicker");
        group.MapGet("/calendar", FromTurbinesInOperation).Answers<FlickerCalendarAnswer>()
            .WithSummary("One dwelling's shadow-flicker calendar from the turbines in operation around it")
            .WithDescription("Give one location: `lat`+`lon`, `e`+`n` (EPSG:25832) or `address`; `flickerYear` (default this year) is the calendar year. Every spell with its date, start and end in Danish time, minutes and turbines; the worst-case and expected hours a year. Example: `/api/shadow-flicker/calendar?address=Eliasgade%2010,%202300`.");
        group.MapPost("/calendar", FromLayout).Answers<FlickerCalendarAnswer>()
            .WithSummary("One dwelling's shadow-flicker calendar from a planned layout (GeoJSON body as POST /api/assess/project)")
            .Accepts<System.Text.Json.JsonElement>("application/geo+json", "application/json");
    }

    private static async Task<IResult> FromTurbinesInOperation(ServiceData data, double? lat, double? lon, double? e, double? n, string? address, int? flickerYear,
        CancellationToken cancellationToken) =>
        await CalendarAsync(data, FlickerCalendarQuestion.Parse(SiteLocation.Text(lat, lon, e, n, address, null), flickerYear), cancellationToken);

    private static async Task<IResult> FromLayout(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, double? lat, double? lon, double? e, double? n,
        string? address, int? flickerYear, CancellationToken cancellationToken)
    {
        using var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken);
        var layout = PlannedLayouts.Read(document.RootElement, "body", options.Value.MaxPlantsPerProject);
        return await CalendarAsync(data, FlickerCalendarQuestion.Parse(SiteLocation.Text(lat, lon, e, n, address, null), flickerYear, layout), cancellationToken);
    }

    /// <summary>The service's syntax mapped onto the one <see cref="FlickerCalendarQuestion"/> (as <c>vesiting flicker calendar</c> asks it), answered.</summary>
    private static async Task<IResult> CalendarAsync(ServiceData data, Outcome<FlickerCalendarQuestion> parsed, CancellationToken cancellationToken)
    {
        if (!parsed.TryGet(out var question, out var refusal) || !(await question.HomeAsync(data.Store, cancellationToken)).TryGet(out var home, out refusal))
            return refusal.Problem();
        var (part, calendar) = await new ShadowFlickerAssessor(data.Context()).CalendarAsync(home, question.FlickerYear.For(data.Today), question.Layout, cancellationToken);
        return Results.Ok(FlickerCalendarAnswer.Of(part, calendar));
    }

    /// <summary>The calendar year to compute: <paramref name="today"/>'s unless given (1900–2100, SPA's tables and ΔT serve it well).</summary>
    public static int Year(int? flickerYear, DateOnly today) => FlickerYearQuestion.Parse(flickerYear).OrProblem().For(today);
}
