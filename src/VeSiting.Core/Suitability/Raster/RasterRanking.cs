using NetTopologySuite.Geometries;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// A raster run as a ranked list: the raster chooses and orders the best cells; each listed cell is then measured
/// exactly by <see cref="SitingEngine"/>, so that every value comes with its why (the nearest heat plant's name, the
/// decisive turbine of the tariff zone …), as the per-cell engine gives it.
/// </summary>
public static class RasterRanking
{
    public static SitingResult Result(SuitabilityRaster raster, SitingInputs inputs, string areaLabel, int top, int excluded, CancellationToken cancellationToken = default)
    {
        var engine = new SitingEngine(inputs, raster.Profile);
        var grid = raster.Grid;
        var sites = new List<RankedSite>();
        var rank = 0;
        foreach (var index in raster.Top(top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sites.Add(engine.Explain(raster.Profile, Cell(grid, index)) with { Rank = ++rank });
        }
        var listed = 0;
        for (long i = 0; i < grid.Count && listed < excluded; i++)
        {
            if (raster.Status[i] is (byte)CellStatus.Outside or (byte)CellStatus.Ranked)
                continue;
            cancellationToken.ThrowIfCancellationRequested();
            var site = engine.Explain(raster.Profile, Cell(grid, i));
            sites.Add(site.ExcludedBecause is null ? site with { Score = null, ExcludedBecause = raster.Reason(i) } : site);
            listed++;
        }
        var counts = new SiteCounts(raster.CountOf(s => s != CellStatus.Outside), raster.CountOf(s => s == CellStatus.Ranked), raster.CountOf(s => s is not (CellStatus.Outside or CellStatus.Ranked)));
        return new SitingResult(raster.Profile, areaLabel, grid.CellSize, sites, raster.Notes, raster.Provenance, inputs.Attributions, inputs.DataVersion, raster.Elapsed) { Counts = counts };
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
