using Microsoft.Net.Http.Headers;
using VeSiting.Api.Tiles;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Endpoints;

/// <summary>Vector tiles (MVT), raster tiles (PNG) and TileJSON 3.0 of every registered tile layer, with ETags from the data version.</summary>
public static class TileEndpoints
{
    public static void MapTiles(this WebApplication app)
    {
        var group = app.MapGroup("/tiles").WithTags("Tiles");
        group.MapGet("/{layer}.json", TileJson).AnswersJson().WithSummary("TileJSON 3.0 of a layer").WithDescription("Example: `/tiles/plants.json`.");
        group.MapGet("/{layer}/{z:int}/{x:int}/{y}", Tile).AnswersFile("application/vnd.mapbox-vector-tile", "image/png")
            .CacheOutput(TileCachePolicy.Name)
            .WithSummary("A vector (.mvt) or raster (.png) tile")
            .WithDescription("Layers: see `/api/legend`. `?scenario=` chooses the tariff scenario. Example: `/tiles/plants/7/67/39.mvt`, `/tiles/boundaries/6/33/19.png`.");
        app.MapGet("/api/legend", (ServiceData data, TileSources sources) => Results.Ok(sources.Describe(data))).Answers<IReadOnlyList<VeSiting.Api.Tiles.TileLayer>>().WithTags("Tiles")
            .WithSummary("Every tile layer: id, title, description, zoom range, geometry, query parameters, MVT layers and legend (shared by PNG tiles and the web map)");
    }

    private static IResult TileJson(HttpContext http, string layer, ServiceData data, TileSources sources, string? scenario,
        string? profile, string? area, double? cell)
    {
        var source = sources.Find(layer);
        var found = LegendLanguage.Apply(source.Describe(data));
        var parameters = new TileParameters(scenario, profile, area, cell);
        // Checked as the tiles check them, and kept in the tile URLs, so that TileJSON and tiles agree.
        _ = data.Context(scenarioIds: [scenario ?? "banded-distance"]);
        source.Check(parameters);
        var taken = found.Parameters.Contains("profile") ? parameters : parameters with { Profile = null, Area = null, Cell = null };
        var query = TileQuery.Of(taken.Scenario, taken.Profile, taken.Area, taken.Cell);
        var baseUrl = PublicUrls.Base(http);
        return Results.Ok(new Dictionary<string, object?>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = found.Title,
            ["description"] = found.Description,
            ["version"] = data.Store.Version.Id,
            ["attribution"] = string.Join("; ", data.Store.Attributions),
            ["scheme"] = "xyz",
            ["tiles"] = new[] { $"{baseUrl}/tiles/{found.Id}/{{z}}/{{x}}/{{y}}.mvt{query}" },
            ["minzoom"] = found.MinZoom,
            ["maxzoom"] = found.MaxZoom,
            ["bounds"] = new[] { 7.0, 54.5, 15.3, 57.8 },
            ["center"] = new[] { 10.4, 56.0, 6 },
            ["vector_layers"] = found.Schema.Select(v => new
            {
                id = v.Id,
                minzoom = found.MinZoom,
                maxzoom = found.MaxZoom,
                fields = v.Fields.ToDictionary(f => f.Name, f => f.Type == TileFieldType.Integer ? nameof(TileFieldType.Number) : f.Type.ToString()),
            }),
        });
    }

    private static async Task<IResult> Tile(HttpContext http, string layer, int z, int x, string y, string? scenario,
        string? profile, string? area, double? cell, ServiceData data, TileSources sources, TileRenderer renderer,
        IOptions<VeSitingOptions> options, CancellationToken cancellationToken)
    {
        var source = sources.Find(layer);
        var dot = y.LastIndexOf('.');
        var format = dot < 0 ? "" : y[(dot + 1)..].ToLowerInvariant();
        if (format is not ("mvt" or "pbf" or "png"))
            throw RefusalProblems.Invalid("format", Reason.Of("tiles.bad-ending", ("value", $"'{y}'")));
        if (!int.TryParse(y[..dot], out var row))
            throw RefusalProblems.Invalid("y", Reason.Of("tiles.not-row", ("value", $"'{y[..dot]}'")));
        var tile = Parse(z, x, row);
        var chosen = data.Context(scenarioIds: [scenario ?? "banded-distance"]).Scenarios[0];

        var edition = source.Edition(data);
        var version = edition == "" ? data.Store.Version.Id : $"{data.Store.Version.Id}-{edition}";
        var etag = new EntityTagHeaderValue($"\"{version}-{chosen.Ref.Hash}\"", isWeak: true);
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (http.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var request = new TileRequest(tile, new TileParameters(scenario, profile, area, cell), chosen, options.Value.MaxFeaturesPerTile);
        var png = format == "png";
        var bytes = await renderer.RenderAsync(source, request, png, cancellationToken);
        return Results.Bytes(bytes, png ? "image/png" : "application/vnd.mapbox-vector-tile");
    }

    private static MercatorTile Parse(int z, int x, int y)
    {
        if (z is < 0 or > MercatorTile.MaxZoom)
            throw RefusalProblems.Invalid("z", Reason.Of("tiles.not-zoom", ("value", z), ("max", MercatorTile.MaxZoom)));
        var n = 1 << z;
        if (x < 0 || x >= n)
            throw RefusalProblems.Invalid("x", Reason.Of("tiles.outside", ("value", x), ("max", n - 1), ("zoom", z)));
        if (y < 0 || y >= n)
            throw RefusalProblems.Invalid("y", Reason.Of("tiles.outside", ("value", y), ("max", n - 1), ("zoom", z)));
        return new MercatorTile(z, x, y);
    }
}
