namespace VeSiting.Core.Suitability.Places;

/// <summary>The per-cell engine's ranked grid cells as places, by the same <see cref="DistinctSites"/> as the raster's.</summary>
public static class PlacesOfCells
{
    public static SitingResult Group(SitingResult cells, IReadOnlyList<Geometry> areas, double cellSizeM, DistinctSiteRule rule, int count, CancellationToken cancellationToken = default)
    {
        var extent = new Envelope();
        foreach (var a in areas) extent.ExpandToInclude(a.EnvelopeInternal);
        // The raster's layout is the candidate grid's: a cell's centre finds its index.
        var grid = RasterGrid.Over(extent, cellSizeM);
        var score = new double[grid.Count];
        Array.Fill(score, double.NaN);
        var byIndex = new Dictionary<long, RankedSite>();
        foreach (var site in cells.Ranked)
        {
            var (column, row) = grid.CellAt(site.Candidate.Position.X, site.Candidate.Position.Y)
                ?? throw new InvalidOperationException($"cell {site.Candidate.Id} lies outside the grid of its area");
            var i = (long)row * grid.Columns + column;
            score[i] = site.Score!.Value;
            byIndex[i] = site;
        }
        var places = DistinctSites.Find(grid, score, count, rule, cancellationToken);
        var listed = places.Select((p, k) => byIndex[p.BestIndex] with { Rank = k + 1, Place = p.Place }).Concat(cells.Excluded).ToList();
        return cells with
        {
            Sites = listed,
            Counts = new SiteCounts(cells.CandidateCount, cells.RankedCount, cells.ExcludedCount),
            Distinct = rule,
        };
    }
}
