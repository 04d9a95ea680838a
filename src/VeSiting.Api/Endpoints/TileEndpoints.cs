using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tiles;
using VeSiting.Core.Stores;

namespace VeSiting.Api.Endpoints;

/// <summary>Vector tiles (MVT), raster tiles (PNG) and TileJSON 3.0 per layer, with ETags from the data version.</summary>
public static class TileEndpoints
{
    public static void MapTiles(this WebApplication app)
    {
        var group = app.MapGroup("/tiles").WithTags("Tiles");
        group.MapGet("/{layer}.json", TileJson).WithSummary("TileJSON 3.0 of a layer").WithDescription("Example: `/tiles/plants.json`.");
        group.MapGet("/{layer}/{z:int}/{x:int}/{y}", Tile)
            .WithSummary("A vector (.mvt) or raster (.png) tile")
            .WithDescription("Layers: boundaries, plants, scheme-zones, tariff-zones, dwellings. `?scenario=` chooses the tariff scenario. Example: `/tiles/plants/7/67/39.mvt`, `/tiles/boundaries/6/33/19.png`.");
        app.MapGet("/api/legend", (ServiceData data) => Results.Ok(LayerCatalog.WithRules(data.SchemeDistances.Current))).WithTags("Tiles").WithSummary("Layers, zoom ranges and legend colours (shared by PNG tiles and the web map)");
    }

    private static IResult TileJson(HttpContext http, string layer, ServiceData data, SuitabilityResults suitability, string? scenario,
        string? profile, string? area, double? cell)
    {
        var found = LayerCatalog.WithRules(data.SchemeDistances.Current).FirstOrDefault(l => l.Id == layer) ?? throw new ProblemException("layer", $"unknown layer '{layer}'; layers: {string.Join(", ", LayerCatalog.All.Select(l => l.Id))}", StatusCodes.Status404NotFound);
        // Checked as the tiles check them, and kept in the tile URLs, so that TileJSON and tiles agree.
        _ = data.Context(scenarioIds: [scenario ?? "banded-distance"]);
        if (found.Id == "suitability")
            _ = suitability.Profile(profile ?? "greenhouse");
        var query = TileQuery.Of(scenario, found.Id == "suitability" ? profile : null, found.Id == "suitability" ? area : null, found.Id == "suitability" ? cell : null);
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
            ["vector_layers"] = found.VectorLayers.Select(v => new { id = v, minzoom = found.MinZoom, maxzoom = found.MaxZoom, fields = new Dictionary<string, string>() }),
        });
    }

    private static async Task<IResult> Tile(HttpContext http, string layer, int z, int x, string y, string? scenario,
        string? profile, string? area, double? cell, SuitabilityResults suitability,
        ServiceData data, TileCache cache, IOptions<VeSitingOptions> options, CancellationToken cancellationToken)
    {
        var found = LayerCatalog.Find(layer) ?? throw new ProblemException("layer", $"unknown layer '{layer}'; layers: {string.Join(", ", LayerCatalog.All.Select(l => l.Id))}", StatusCodes.Status404NotFound);
        var dot = y.LastIndexOf('.');
        var format = dot < 0 ? "" : y[(dot + 1)..].ToLowerInvariant();
        if (format is not ("mvt" or "pbf" or "png"))
            throw new ProblemException("format", $"'{y}' should end in .mvt or .png");
        if (!int.TryParse(y[..dot], out var row))
            throw new ProblemException("y", $"'{y[..dot]}' is not a tile row");
        var tile = TileAddress.Parse(z, x, row);
        var chosen = data.Context(scenarioIds: [scenario ?? "banded-distance"]).Scenarios[0];

        // Scheme rings follow the rules in force: a published rule set changes them, so it changes the tag and the cache too.
        var version = found.Id == "scheme-zones" ? $"{data.Store.Version.Id}-{data.RulesFingerprint}" : data.Store.Version.Id;
        var etag = new EntityTagHeaderValue($"\"{version}-{chosen.Ref.Hash}\"", isWeak: true);
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (http.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var siting = found.Id == "suitability" ? $"{profile ?? "greenhouse"}|{area ?? "denmark"}|{cell ?? 1000}" : "";
        var key = $"{found.Id}/{chosen.Id}/{siting}/{tile.Z}/{tile.X}/{tile.Y}.{(format == "png" ? "png" : "mvt")}";
        var bytes = await cache.GetOrAddAsync(version, key, async () =>
        {
            // A store that encodes tiles itself (PostGIS: ST_AsMVT) does so; otherwise they are built from its answers.
            if (format != "png" && data.Store is IVectorTileStore producer && producer.ProducesLayer(found.Id))
                return await producer.VectorTileAsync(found.Id, tile.Z, tile.X, tile.Y, cancellationToken);
            var source = new TileFeatureSource(data, options.Value.MaxFeaturesPerTile);
            if (format != "png" && PointTileEncoder.Handles(found.Id))
                return await source.PointTileAsync(found, tile, chosen, cancellationToken);
            if (format == "png")
            {
                var utm = found.Id == "suitability"
                    ? source.SuitabilityUtm32Features(await suitability.GetAsync(profile ?? "greenhouse", area ?? "denmark", cell ?? 1000, cancellationToken), tile)
                    : await source.Utm32FeaturesAsync(found, tile, chosen, cancellationToken);
                return PngRenderer.Render(tile, found, utm);
            }
            var features = found.Id == "suitability"
                ? source.SuitabilityFeatures(await suitability.GetAsync(profile ?? "greenhouse", area ?? "denmark", cell ?? 1000, cancellationToken), tile)
                : await source.FeaturesAsync(found, tile, chosen, cancellationToken);
            return MvtEncoder.Encode(tile, features);
        });
        return Results.Bytes(bytes, format == "png" ? "image/png" : "application/vnd.mapbox-vector-tile");
    }
}
