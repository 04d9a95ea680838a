using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Contracts;
using VeSiting.Core.Noise;
using VeSiting.Core.Outcomes;
using VeSiting.Data.Exports;
using VeSiting.Data.Importers.Projects;
using Position = VeSiting.Api.Contracts.Position;

namespace VeSiting.Api.Endpoints;

/// <summary>Assessments: a site (home or firm), registered plants, a planned project, a municipality.</summary>
public static class AssessEndpoints
{
    public static void MapAssessments(this WebApplication app)
    {
        var group = app.MapGroup("/api/assess").WithTags("Assessments");
        group.MapGet("/site", AssessSite).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What distance means for a home or firm")
            .WithDescription("Nearby covered plants, each neighbour scheme and why, VE-bonus in DKK per year, the tariff zone under each scenario and the price per kWh and annual bill with and without it. Give one location: `lat`+`lon`, `e`+`n` (EPSG:25832), `address` or `building`. Example: `/api/assess/site?address=Eliasgade%2010,%202300` or `/api/assess/site?lat=55.4810&lon=11.1916&kwh=1200000&tou=0.6,0.3,0.1`. A VAT-registered firm: `customer=firm` (VAT excluded, deductible), and `processRefund=true` for electricity used for processes (elafgift refunded at the price stack's rate). `year` picks the price stack; a year without one uses the latest earlier stack and says so (a year before the earliest stack is a 400). Fixed annual charges (grid subscription) are in the bill, not in the price per kWh; every price component lists its source address, the date it was read, its status and confidence. Tariff zones are a proposal (`status: proposal`), prices and bills estimates.");
        group.MapGet("/plant/{gsrn}", AssessPlant).Answers<ProjectAnswer>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Affected dwellings, VE-bonus and green pool of a registered plant")
            .WithDescription("Example: `/api/assess/plant/570715000000045608`. Several turbines of one park: `?also=GSRN&also=GSRN`. `format` as for a planned project (json, geojson, csv, gpkg, pdf, html; `lang=en|da` for the case report).")
            .AsHeavyWork();
        group.MapPost("/project", AssessProject).Answers<ProjectAnswer>()
            .WithSummary("A planned project: every dwelling within the scheme rings of the rules in force (multiples of total height; a distance around solar), one VE-bonus per household with the cap, green pool by municipality")
            .WithDescription("Body: a GeoJSON FeatureCollection (WGS 84, or EPSG:25832 with a crs member). Point features are turbines with `hub_height_m`, `rotor_diameter_m`, `capacity_kw`; Polygon features are solar areas with `capacity_mw`; `permit_date` (yyyy-mm-dd) and optionally `name` on the collection (`?permitDate=` and `?name=` win over them). `?format=json` (default; with `features=true` it also carries the GeoJSON of `format=geojson` in `features`, so a map needs one request), `geojson` (rings, plants and dwellings), `gpkg` (GeoPackage in EPSG:25832 for QGIS: affected_dwellings and scheme_rings), `csv` (the dwellings, for a letter to neighbours), `pdf` (the case report, A4) or `html` (the same report as one self-contained page); `lang=en` (default) or `da` for the report's language. Example body: `{\"type\":\"FeatureCollection\",\"permit_date\":\"2026-06-01\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200},\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.1916,55.4810]}}]}`.")
            .Accepts<JsonElement>("application/geo+json", "application/json")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
        group.MapGet("/municipality/{code}", AssessMunicipality)
            .WithSummary("Totals for a municipality: plants, MW, green pool by period, dwellings per ring and tariff zone, VE-bonus paid")
            .WithDescription("Example: `/api/assess/municipality/461`.")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork();
        app.MapGet("/api/addresses", SearchAddresses).AnswersJson().WithTags("Search")
            .WithSummary("Addresses matching a text").WithDescription("Example: `/api/addresses?q=Eliasgade%2010`.");
        app.MapGet("/api/metadata", Metadata).AnswersJson().WithTags("Service")
            .WithSummary("Data version, attribution of every source, rule sets, scenarios and price years");
    }

    private static async Task<Results<Ok<SiteAnswer>, ProblemHttpResult>> AssessSite(ServiceData data, double? lat, double? lon, double? e, double? n, string? address,
        string? building, int? year, string[]? scenario, double? kwh, string? tou, string? customer, string? processRefund, int? flickerYear, CancellationToken cancellationToken)
    {
        var context = data.Context(year, scenario);
        if (!SiteQuestion.Parse(SiteLocation.Text(lat, lon, e, n, address, building), new ConsumptionText(null, ValueText.Text(kwh), tou, customer, processRefund),
                data.Rules.Profiles).TryGet(out var question, out var refusal))
            return refusal.Problem();
        if (!(await question.Location.ResolveAsync(data.Store, cancellationToken)).TryGet(out var site, out refusal))
            return refusal.Problem();
        var assessment = await new SiteAssessor(context).AssessAsync(site.Site, site.Label, question.Profile, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(context).ForHomeAsync(new FlickerHome(site.Label, site.Label, site.Point),
            ShadowFlickerEndpoints.Year(flickerYear, context.Today), cancellationToken: cancellationToken);
        var noise = await new OperatingNoiseAssessor(context).ForHomeAsync(site.Label, site.Label, site.Point, cancellationToken);
        return TypedResults.Ok(SiteAnswer.Of(assessment) with { ShadowFlicker = ShadowFlickerAnswer.Of(flicker), Noise = HomeNoiseAnswer.Of(noise) });
    }

    private static async Task<IResult> AssessPlant(HttpContext http, ServiceData data, string gsrn, string[]? also, DateOnly? permitDate, int? year, string? format, bool? features,
        int? flickerYear, string? lang, CancellationToken cancellationToken)
    {
        if (!CaseReportResults.LanguageOf(lang).TryGet(out var language, out var refusal)
            || !PlantQuestion.Parse(new PlantText([gsrn, .. also ?? []], DateText(permitDate), flickerYear)).TryGet(out var question, out refusal)
            || !(await question.ResolveAsync(data.Store, cancellationToken)).TryGet(out var project, out refusal))
            return refusal.Problem();
        var context = data.Context(year);
        var assessment = await new ProjectAssessor(context).AssessAsync(project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(project.Plants, question.FlickerYear.For(context.Today), cancellationToken);
        if (CaseReportResults.FormatOf(format) is { } report)
            return await CaseReportResults.MakeAsync(http, data, assessment, flicker, report, language, cancellationToken);
        return ProjectResult(assessment, flicker, format, features);
    }

    private static async Task<IResult> AssessProject(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options,
        string? format, int? year, string? name, DateOnly? permitDate, bool? features, int? flickerYear, string? lang, CancellationToken cancellationToken)
    {
        if (!CaseReportResults.LanguageOf(lang).TryGet(out var language, out var refusal))
            return refusal.Problem();
        using var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken);
        if (!PlannedLayouts.Read(document.RootElement, "body", options.Value.MaxPlantsPerProject).TryGet(out var layout, out refusal)
            || !ProjectQuestion.Parse(layout, new ProjectText(name, DateText(permitDate), flickerYear)).TryGet(out var question, out refusal))
            return refusal.Problem();
        var context = data.Context(year);
        var assessment = await new ProjectAssessor(context).AssessAsync(question.Project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(context).ForPlantsAsync(question.Project.Plants, question.FlickerYear.For(context.Today), cancellationToken);
        if (CaseReportResults.FormatOf(format) is { } report)
            return await CaseReportResults.MakeAsync(http, data, assessment, flicker, report, language, cancellationToken);
        return ProjectResult(assessment, flicker, format, features);
    }

    /// <summary>A project's answer as JSON (with its GeoJSON features in <c>features</c> when asked), GeoJSON (rings, plants, dwellings) or CSV (dwellings).</summary>
    internal static IResult ProjectResult(ProjectAssessment assessment, ShadowFlickerPart flicker, string? format, bool? features = null) => (format ?? "json").ToLowerInvariant() switch
    {
        "json" when features == true => Results.Ok(ProjectAnswer.Of(assessment) with
        {
            FeaturesGeoJson = JsonSerializer.SerializeToElement(Features(assessment, flicker), GeoJson),
            ShadowFlicker = ShadowFlickerAnswer.Of(flicker),
        }),
        "json" => Results.Ok(ProjectAnswer.Of(assessment) with { ShadowFlicker = ShadowFlickerAnswer.Of(flicker) }),
        "geojson" => Results.Text(JsonSerializer.Serialize(Features(assessment, flicker), GeoJson), "application/geo+json"),
        "csv" => Results.File(Encoding.UTF8.GetBytes(Csv(assessment, flicker)), "text/csv", "neighbours.csv"),
        "gpkg" => Results.File(ProjectAnswer.GeoPackage(assessment, ShadowFlickerAnswer.Layer(flicker, assessment.Project.Name)), "application/geopackage+sqlite3", "neighbours.gpkg"),
        _ => Refusal.Invalid("format", Reason.Of("format.not-one-of", ("value", ValueText.Echo(format)), ("formats", Reason.Alternatives(["json", "geojson", "csv", "gpkg", "pdf", "html"])))).Problem(),
    };

    private static async Task<Results<Ok<MunicipalityAnswer>, ProblemHttpResult>> AssessMunicipality(ServiceData data, string code, int? year, int? flickerYear, CancellationToken cancellationToken)
    {
        if (!MunicipalityQuestion.Parse(code, flickerYear).TryGet(out var question, out var refusal))
            return refusal.Problem();
        var context = data.Context(year);
        if (!(await new MunicipalityAssessor(context).AssessAsync(question.Code, cancellationToken)).TryGet(out var assessment, out refusal))
            return refusal.Problem();
        var flicker = await new ShadowFlickerAssessor(context).ForMunicipalityAsync(assessment.Area, question.FlickerYear.For(context.Today), cancellationToken);
        var noise = await new OperatingNoiseAssessor(context).ForAreaAsync(assessment.Area, cancellationToken);
        return TypedResults.Ok(MunicipalityAnswer.Of(assessment) with { ShadowFlicker = ShadowFlickerAnswer.Of(flicker), Noise = AreaNoiseAnswer.Of(noise) });
    }

    private static async Task<IResult> SearchAddresses(ServiceData data, string? q, int? limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Refusal.Invalid("q", Reason.Of("search.give-text")).Problem();
        if (limit is < 1 or > 100)
            return Refusal.Invalid("limit", Reason.Of("collections.limit", ("value", limit), ("max", 100))).Problem();
        var found = await data.Store.SearchAddressesAsync(q, limit ?? 10, cancellationToken);
        return Results.Ok(found.Select(a => new { id = a.Id, label = a.Label, position = Position.Of(a.Position) }));
    }

    private static IResult Metadata(ServiceData data) => Results.Ok(new
    {
        dataVersion = data.Store.Version.Id,
        loadedAt = data.Store.Version.LoadedAt,
        store = data.StoreKind,
        attribution = data.Store.Attributions,
        ruleSets = data.Rules.Rules.All.Select(r => new { r.Id, r.Version, r.Scheme, r.Title, period = r.Period.ToString(), hash = r.Ref.Hash }),
        scenarios = data.Rules.Scenarios.Values.Select(s => new { s.Id, s.Version, s.Title, s.Description }),
        priceYears = data.Rules.PriceStacks.Keys.Order(),
    });

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>
    /// The dwellings within the scheme rings (the letter list), then those only within the turbines' flicker reach; each with its
    /// noise columns (empty where no project turbine reaches it; the JSON, GeoJSON and GeoPackage answers list every dwelling the
    /// noise reaches) and its flicker columns.
    /// </summary>
    private static string Csv(ProjectAssessment a, ShadowFlickerPart flicker)
    {
        var noise = (a.Noise?.Dwellings ?? []).ToDictionary(n => n.Address.Id, StringComparer.Ordinal);
        return CsvOutput.Document(
            ["address_id", "address", "distance_m", "multiple_of_h", "ring", "nearest_plant", "below_minimum_distance", "sales_option", "ve_bonus_dkk_per_year", "loss_of_value_fee_dkk",
             .. NoiseColumns.Names, .. ShadowFlickerAnswer.CsvColumns],
            ProjectAnswer.Of(a).Dwellings.Select(d => (IEnumerable<string?>)[d.Id, d.Address, F(d.DistanceM), d.MultipleOfH is { } k ? F(k) : "", d.Ring, d.NearestPlant,
                d.BelowMinimumDistance ? "yes" : "no", d.SalesOption ? "yes" : "no", F(d.VeBonusDkkPerYear), d.LossOfValueFeeDkk is { } fee ? F(fee) : "",
                .. NoiseColumns.Values(noise.GetValueOrDefault(d.Id)).Select(Cell), .. ShadowFlickerAnswer.CsvValues(flicker, d.Id)])
            .Concat(flicker.Dwellings.Where(f => a.Dwellings.All(d => d.Address.Id != f.Home.Id))
                .Select(f => (IEnumerable<string?>)[f.Home.Id, f.Home.Label, "", "", "", "", "", "", "", "",
                    .. NoiseColumns.Values(noise.GetValueOrDefault(f.Home.Id)).Select(Cell), .. ShadowFlickerAnswer.CsvValues(flicker, f.Home.Id)])));
    }

    private static string? Cell(object? v) => v switch
    {
        null => "",
        double d => F(d),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    /// <summary>The project's features, and one <c>flicker</c> point per dwelling within the turbines' reach with its hours.</summary>
    private static NetTopologySuite.Features.FeatureCollection Features(ProjectAssessment a, ShadowFlickerPart flicker)
    {
        var collection = ProjectAnswer.Features(a);
        foreach (var feature in ShadowFlickerAnswer.Features(flicker))
            collection.Add(feature);
        return collection;
    }

    /// <summary>A date the framework has bound, as the question's text.</summary>
    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
