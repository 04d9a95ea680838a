using VeSiting.Api.Contracts;
using VeSiting.Core.Noise;
using VeSiting.Core.Outcomes;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Api.Endpoints;

/// <summary>A planned layout's noise bands and flicker hours as map features: what the web map draws while a turbine is dragged.</summary>
public static class NoiseBandEndpoints
{
    public static void MapNoiseBands(this WebApplication app)
    {
        app.MapPost("/api/noise-bands", Bands).AnswersJson(contentType: "application/geo+json").WithTags("Assessments")
            .WithSummary("A planned layout's noise bands at the limits (8 and 6 m/s) and flicker hours, with every dwelling within them, as GeoJSON")
            .WithDescription("Body: the GeoJSON of POST /api/assess/project (turbines with `hub_height_m`, `rotor_diameter_m`, optional `lwa_6ms_db`, `lwa_8ms_db` and spectra). "
                + "Answer: a GeoJSON FeatureCollection (WGS 84) of `noise-band` polygons — where the total noise from the layout and the turbines in operation that can matter is over each outdoor limit of the noise order (limits from the `noise` rule set; "
                + "cells of `cellM`, 10 m unless the area is large) — `flicker-band` polygons (worst-case flicker, and expected hours over the planning guidance's recommendation; cells of `flickerCellM`), "
                + "and one `dwelling` point per dwelling within reach with its noise at 8 and 6 m/s, limit, verdict and flicker hours. `flickerYear` picks the calendar year (default this year).")
            .Accepts<JsonElement>("application/geo+json", "application/json")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
    }

    private static async Task<IResult> Bands(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, int? flickerYear, CancellationToken cancellationToken)
    {
        Outcome<LayoutQuestion> parsed;
        using (var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken))
            parsed = LayoutQuestion.Parse(PlannedLayouts.Read(document.RootElement, "body", options.Value.MaxPlantsPerProject), flickerYear);
        if (!parsed.TryGet(out var question, out var refusal))
            return refusal.Problem();
        var context = data.Context();
        var noise = await new ProjectNoiseAssessor(context).AssessAsync(question.Plants, cancellationToken);
        var flicker = new ShadowFlickerAssessor(context);
        var flickerPart = await flicker.ForPlantsAsync(question.Plants, question.FlickerYear.For(context.Today), cancellationToken);
        var answer = LayoutBands.Compute(noise, flickerPart, flicker.CalculatorInForce().Calculator, cancellationToken);
        return Results.Text(answer.ToJsonString(), "application/geo+json");
    }
}
