using VeSiting.Core.Suitability.Raster;
using Position = VeSiting.Api.Contracts.Position;

namespace VeSiting.Api.Endpoints;

/// <summary>
/// For the web map's suitability panel: one cell of the cached siting raster (the one the suitability tiles draw) with
/// its score or why it is excluded and every criterion's value there, and a built-in profile as its file, to reweight and post.
/// </summary>
internal static class SiteCellEndpoints
{
    public static void MapSiteCell(this RouteGroupBuilder group)
    {
        group.MapGet("/cell", Cell).AnswersJson()
            .WithSummary("One cell of a profile's suitability raster: score, or why it is excluded, and every criterion's value")
            .WithDescription("`profile` (default greenhouse), `area` (default denmark) and `cell` (metres, default 1000) as for `/api/sites` and the suitability tiles; "
                + "the location as `lat`+`lon`, `e`+`n` (EPSG:25832), `address` or `building`. Read from the same cached raster as the tiles. "
                + "`status` is ranked, excluded or outside (not in the area); a value is null where it is unknown. Example: `/api/sites/cell?profile=greenhouse&area=municipality:0461&lat=55.40&lon=10.39`.");
        group.MapGet("/profiles/{id}", (SuitabilityResults results, string id) =>
                Results.File(File.ReadAllBytes(results.Profile(id).File), "application/json")).AnswersJson()
            .WithSummary("A siting profile as its file (the body `profile` of POST /api/sites takes the same document)");
    }

    private static async Task<IResult> Cell(SuitabilityResults results, ServiceData data, string? profile, string? area, double? cell,
        double? lat, double? lon, double? e, double? n, string? address, string? building, CancellationToken cancellationToken)
    {
        var (site, label, _) = (await SiteLocation.ResolveAsync(lat, lon, e, n, address, building, data.Store, cancellationToken)).OrProblem();
        var run = await results.GetAsync(profile ?? "greenhouse", area ?? "denmark", cell ?? 1000, cancellationToken);
        var raster = run.Raster;
        var point = site.Centroid;
        var at = raster.Grid.CellAt(point.X, point.Y);
        long? index = at is var (column, row) ? (long)row * raster.Grid.Columns + column : null;
        var status = index is { } i ? (CellStatus)raster.Status[i] : CellStatus.Outside;
        return Results.Ok(new
        {
            profile = new { raster.Profile.Id, raster.Profile.Version, raster.Profile.Title },
            area = run.Label,
            cellSizeM = raster.Grid.CellSize,
            location = label,
            cell = at is var (c, r) ? raster.Grid.CellId(c, r) : null,
            position = index is { } centre ? Position.Of(RasterRanking.Cell(raster.Grid, centre).Position) : Position.Of(site),
            status = status switch { CellStatus.Outside => "outside", CellStatus.Ranked => "ranked", _ => "excluded" },
            score = index is { } s && status == CellStatus.Ranked ? Math.Round(raster.Score[s], 3) : (double?)null,
            excludedBecause = index is { } x ? raster.Reason(x)?.Rendered : null,
            excludedBecauseReason = index is { } y ? raster.Reason(y) : null,
            values = raster.Criteria.Select((spec, k) => new
            {
                spec.Criterion,
                value = index is { } v && float.IsFinite(raster.Bands[k][v]) ? Math.Round(raster.Bands[k][v], 4) : (double?)null,
                unit = raster.Units[k],
                spec.Weight,
            }),
            dataVersion = data.Store.Version.Id,
        });
    }
}
