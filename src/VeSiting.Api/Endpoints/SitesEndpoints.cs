using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Contracts;
using VeSiting.Api.Hosting.Validation;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Places;
using VeSiting.Data.Exports;
using VeSiting.Data.Rules;
using VeSiting.Data.Suitability;

namespace VeSiting.Api.Endpoints;

/// <summary>Ranked sites for spin-off industry: built-in profiles by GET, a user's profile, candidates and layers by POST.</summary>
public static class SitesEndpoints
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void MapSites(this WebApplication app)
    {
        var group = app.MapGroup("/api/sites").WithTags("Spin-off siting").RequireRateLimiting(ServiceSetup.ExpensivePolicy);
        group.MapGet("/profiles", (SuitabilityResults results) => Results.Ok(results.Profiles.Values.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new { p.Id, p.Version, p.Title, p.Description, p.Scenario, criteria = p.Criteria.Select(c => new { c.Criterion, c.Weight, c.Worst, c.Best, c.RadiusM, c.Layer, c.RequiredMin, c.RequiredMax, c.Optional }) }))).AnswersJson()
            .WithSummary("The siting profiles (greenhouse, PtX/oxygen, precision fermentation, data centre, and any configured)");
        group.MapGet("/", Get).AnswersJson()
            .WithSummary("Ranked sites for a profile over a grid")
            .AsHeavyWork()
            .WithDescription("`profile` (default greenhouse), `area` = denmark | municipality:CODE | region:CODE, `cell` in metres (default 1000), `limit` (default 100), `separation` (metres, default 2000: the least distance between two sites' best cells) and `tolerance` (score points, default 5: how far below its best cell a site's contiguous area reaches), `format` = json | csv | geojson | gpkg | geotiff (the whole raster: score band, then one band per criterion, EPSG:25832). Computed as a raster and cached by profile, area, cell size and data version; the listed sites are places, not neighbouring cells: each is a contiguous run of high-scoring cells with its area, outline and best cell, the best cells at least `separation` apart; each best cell is measured exactly with its why. Each site has every criterion's value, unit, score and contribution; excluded sites say why. Example: `/api/sites?profile=greenhouse&area=region:1082&cell=1000&limit=20`.");
        group.MapPost("/", Post).AnswersJson()
            .WithSummary("Ranked sites with your own profile, candidate sites and point layers")
            .WithDescription("Body: `{ \"profile\": {…siting-profile…} | \"profileId\": \"greenhouse\", \"area\": \"denmark\", \"cell\": 1000, \"separation\": 2000, \"tolerance\": 5, \"candidates\": FeatureCollection?, \"layers\": { \"education\": FeatureCollection }, \"regional\": { \"state-jobs\": { \"1084\": 31.5 } } }`.")
            .Accepts<JsonElement>("application/json").AsHeavyWork();
        group.MapSiteCell();
    }

    private static async Task<IResult> Get(SuitabilityResults results, string? profile, string? area, double? cell, int? limit, string? format,
        double? separation, double? tolerance, CancellationToken cancellationToken)
    {
        CheckRequest(limit, format);
        var grid = SitingGridQuestion.Parse(new SitingGridText(ValueText.Text(cell), ValueText.Text(separation), ValueText.Text(tolerance))).OrProblem();
        var run = await results.GetAsync(profile ?? "greenhouse", area ?? "denmark", grid.CellM, cancellationToken);
        return await RespondAsync(results, run, limit, format, grid.Distinct, cancellationToken);
    }

    /// <summary>A body member's number as the question's text (its JSON text).</summary>
    private static string? BodyNumber(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : throw RefusalProblems.Invalid(name, Reason.Of("body.must-be-number"));

    private static readonly string[] Formats = ["json", "csv", "geojson", "gpkg", "geotiff"];

    private static void CheckRequest(int? limit, string? format)
    {
        if (limit is < 1)
            throw RefusalProblems.Invalid("limit", Reason.Of("sites.limit-at-least-one", ("value", limit.Value)));
        if (!Formats.Contains((format ?? "json").ToLowerInvariant()))
            throw RefusalProblems.Invalid("format", Reason.Of("format.not-one-of", ("value", $"'{format}'"), ("formats", Reason.Alternatives(Formats))));
    }

    /// <summary>A raster run: the GeoTIFF itself, or its best sites (100 for JSON, 1,000 for the exports unless limit says otherwise), each explained.</summary>
    private static async Task<IResult> RespondAsync(SuitabilityResults results, SuitabilityRun run, int? limit, string? format, DistinctSiteRule distinct, CancellationToken cancellationToken)
    {
        if ((format ?? "json").Equals("geotiff", StringComparison.OrdinalIgnoreCase))
        {
            var tiff = new MemoryStream();
            SuitabilityGeoTiff.Write(tiff, run.Raster, cancellationToken);
            return Results.File(tiff.ToArray(), "image/tiff; application=geotiff", $"sites-{run.Raster.Profile.Id}-{run.Raster.Grid.CellSize:0}m.tif");
        }
        var take = limit ?? (format is null or "json" ? 100 : 1000);
        return Respond(await results.RankedAsync(run, take, take, distinct, cancellationToken), take, format);
    }

    private static async Task<IResult> Post(HttpContext http, SuitabilityResults results, IOptions<VeSitingOptions> options, int? limit, string? format, CancellationToken cancellationToken)
    {
        CheckRequest(limit, format);
        using (var document = await JsonBody.ReadAsync(http.Request, options.Value, cancellationToken))
        {
            var root = document.RootElement;
            SitingBodyCheck.Check(root);
            SitingProfile profile;
            try
            {
                profile = root.TryGetProperty("profile", out var p)
                    ? results.Loader.Parse(Encoding.UTF8.GetBytes(p.GetRawText()), "profile")
                    : results.Profile(root.TryGetProperty("profileId", out var id) ? id.GetString() ?? "greenhouse" : "greenhouse");
            }
            catch (RuleFileException e)
            {
                throw new ProblemException($"profile{e.JsonPath.TrimStart('$')}", e.Reason);
            }
            var area = root.TryGetProperty("area", out var a) ? a.GetString() ?? "denmark" : "denmark";
            var grid = SitingGridQuestion.Parse(new SitingGridText(BodyNumber(root, "cell"), BodyNumber(root, "separation"), BodyNumber(root, "tolerance"))).OrProblem();
            var (cell, distinct) = (grid.CellM, grid.Distinct);
            CheckRequest(limit, format);
            var candidates = root.TryGetProperty("candidates", out var cand)
                ? UserLayerReader.ReadGeoJson(cand, "candidates").Select(x => new Candidate(x.Id, x.Point, x.Geometry)).ToList() : null;
            var layers = root.TryGetProperty("layers", out var l)
                ? l.EnumerateObject().ToDictionary(x => x.Name, x => (IReadOnlyList<LayerPoint>)UserLayerReader.ReadGeoJson(x.Value, $"layers.{x.Name}").Select(q => q.ToLayerPoint()).ToList()) : null;
            var regional = root.TryGetProperty("regional", out var r)
                ? r.EnumerateObject().ToDictionary(x => x.Name, x => (IReadOnlyDictionary<string, double>)x.Value.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.ValueKind == JsonValueKind.Number ? v.Value.GetDouble()
                    : throw RefusalProblems.Invalid($"regional.{x.Name}.{v.Name}", Reason.Of("body.must-be-number")))) : null;
            if (candidates is not null)
                return Respond(await results.CandidatesAsync(profile, area, candidates, layers, regional, cancellationToken), limit, format);
            // Without layers of its own, a posted profile (e.g. the web map's reweighted one) shares the cache by its hash.
            var run = layers is null && regional is null
                ? await results.GetAsync(profile, area, cell, cancellationToken)
                : await results.RasterAsync(profile, area, cell, layers, regional, cancellationToken);
            return await RespondAsync(results, run, limit, format, distinct, cancellationToken);
        }
    }

    private static IResult Respond(SitingResult r, int? limit, string? format)
    {
        var take = limit ?? (format is null or "json" ? 100 : int.MaxValue);
        var ranked = r.Ranked.Take(take).ToList();
        switch ((format ?? "json").ToLowerInvariant())
        {
            case "json":
                return Results.Ok(new
                {
                    profile = new { r.Profile.Id, r.Profile.Version, r.Profile.Title, r.Profile.Scenario, hash = r.Profile.Ref.Hash },
                    area = r.AreaReason.Rendered,
                    areaReason = r.AreaReason,
                    cellSizeM = r.CellSizeM,
                    candidates = r.CandidateCount,
                    listed = r.Sites.Count,
                    rankedCount = r.RankedCount,
                    excludedCount = r.ExcludedCount,
                    elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
                    notes = r.Notes.Select(n => n.Rendered),
                    noteReasons = r.Notes,
                    distinct = r.Distinct is { } d ? new { separationM = d.SeparationM, tolerance = d.Tolerance, places = ranked.Count } : null,
                    ranked = ranked.Select(Site),
                    excluded = r.Excluded.Take(take).Select(Site),
                    provenance = ProvenanceDto.Of(r.Provenance),
                    attribution = r.Attributions,
                    dataVersion = r.DataVersion,
                });
            case "geojson":
                {
                    var collection = new FeatureCollection();
                    foreach (var s in ranked.Concat(r.Excluded))
                        collection.Add(new Feature(GeometryTransforms.Transform(SitesExport.Shape(s), Epsg.Utm32, Epsg.Wgs84), Attributes(s)));
                    return Results.Text(JsonSerializer.Serialize(collection, GeoJson), "application/geo+json");
                }
            case "csv":
                return Results.File(Encoding.UTF8.GetBytes(SitesExport.Csv(r, ranked.Concat(r.Excluded))), "text/csv", "sites.csv");
            case "gpkg":
                return Results.File(SitesExport.GeoPackage(r, ranked.Concat(r.Excluded)), "application/geopackage+sqlite3", "sites.gpkg");
            default:
                throw RefusalProblems.Invalid("format", Reason.Of("format.not-one-of", ("value", $"'{format}'"), ("formats", Reason.Alternatives(["json", "csv", "geojson", "gpkg"]))));
        }
    }

    private static object Site(RankedSite s) => new
    {
        s.Candidate.Id,
        s.Rank,
        score = s.Score is { } x ? Math.Round(x, 3) : (double?)null,
        position = Contracts.Position.Of(s.Candidate.Position),
        place = s.Place is { } p ? new { p.BestCell, p.Cells, areaHa = Math.Round(p.AreaHa, 4), floor = Math.Round(p.Floor, 3), p.Why } : null,
        values = s.Values.Select(v => new { v.Criterion, v.Value, v.Unit, score = Math.Round(v.Score, 4), contribution = Math.Round(v.Contribution, 3), why = v.Why.Rendered, whyReason = v.Why }),
        excludedBecause = s.ExcludedBecause?.Rendered,
        excludedBecauseReason = s.ExcludedBecause,
    };

    internal static AttributesTable Attributes(RankedSite s)
    {
        var table = new AttributesTable { { "id", s.Candidate.Id }, { "class", Class(s) } };
        if (s.Rank is { } rank) table.Add("rank", rank);
        if (s.Score is { } score) table.Add("score", Math.Round(score, 2));
        if (s.ExcludedBecause is { } why) table.Add("excluded_because", why.Rendered);
        if (s.Place is { } place)
        {
            table.Add("cells", place.Cells);
            table.Add("area_ha", Math.Round(place.AreaHa, 4));
            table.Add("place_why", place.Why.Rendered);
        }
        return table;
    }

    /// <summary>Score class for styling: "excluded", or the score's band of 20 points.</summary>
    internal static string Class(RankedSite s) => s.Score is not { } score ? "excluded" : $"{Math.Min(80, (int)(score / 20) * 20)}";
}
