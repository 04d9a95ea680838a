using VeSiting.Core.Suitability.Places;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// A raster run as a ranked list: the raster chooses and orders the best cells; each listed cell is then measured
/// exactly by <see cref="SitingEngine"/>, so that every value comes with its why (the nearest heat plant's name, the
/// decisive turbine of the tariff zone …), as the per-cell engine gives it. With a <see cref="DistinctSiteRule"/> the list
/// holds places (<see cref="DistinctSites"/>), each listed by its best cell; without one, the best cells themselves.
/// </summary>
public static class RasterRanking
{
    public static async Task<SitingResult> ResultAsync(ISpatialStore store, SuitabilityRaster raster, SitingInputs inputs, Reason areaLabel, int top, int excluded,
        DistinctSiteRule? distinct = null, CancellationToken cancellationToken = default)
    {
        var engine = new SitingEngine(store, inputs, raster.Profile);
        var grid = raster.Grid;
        var places = distinct is null ? null : DistinctSites.Find(grid, raster.Score, top, distinct, cancellationToken);
        var best = places?.Select(p => p.BestIndex).ToList() ?? raster.Top(top).ToList();
        var others = new List<long>();
        for (long i = 0; i < grid.Count && others.Count < excluded; i++)
        {
            if (raster.Status[i] is not ((byte)CellStatus.Outside or (byte)CellStatus.Ranked))
                others.Add(i);
        }
        // Every listed cell measured in one batch.
        var explained = await engine.ExplainAsync(raster.Profile, best.Concat(others).Select(i => Cell(grid, i)).ToList(), cancellationToken);
        var sites = new List<RankedSite>();
        for (var k = 0; k < best.Count; k++)
            sites.Add(explained[k] with { Rank = k + 1, Place = places?[k].Place });
        for (var k = 0; k < others.Count; k++)
        {
            var site = explained[best.Count + k];
            sites.Add(site.ExcludedBecause is null ? site with { Score = null, ExcludedBecause = raster.Reason(others[k]) } : site);
        }
        var counts = new SiteCounts(raster.CountOf(s => s != CellStatus.Outside), raster.CountOf(s => s == CellStatus.Ranked), raster.CountOf(s => s is not (CellStatus.Outside or CellStatus.Ranked)));
        return new SitingResult(raster.Profile, areaLabel.Text, grid.CellSize, sites, raster.Notes, raster.Provenance, inputs.Attributions, inputs.DataVersion, raster.Elapsed) { Counts = counts, Distinct = distinct, AreaReason = areaLabel };
    }

    public static Candidate Cell(RasterGrid grid, long index)
    {
        var (column, row) = ((int)(index % grid.Columns), (int)(index / grid.Columns));
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var west = grid.West + column * grid.CellSize;
        var south = grid.North - (row + 1) * grid.CellSize;
        return new Candidate(grid.CellId(column, row), factory.CreatePoint(new Coordinate(grid.CentreX(column), grid.CentreY(row))),
            factory.ToGeometry(new Envelope(west, west + grid.CellSize, south, south + grid.CellSize)));
    }
}
