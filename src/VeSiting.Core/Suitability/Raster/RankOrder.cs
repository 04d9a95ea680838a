namespace VeSiting.Core.Suitability.Raster;

/// <summary>The order in which ranked cells are listed: by score, best first, then by cell id (ordinal), as the per-cell engine ranks.</summary>
public static class RankOrder
{
    /// <summary>The best <paramref name="count"/> cells of a score grid (NaN: not ranked), in rank order.</summary>
    public static IReadOnlyList<long> Top(RasterGrid grid, double[] score, int count)
    {
        if (count <= 0)
            return [];
        // A min-heap keeps the best `count` scores; then every cell tying the weakest of them is gathered, so the id tie-break is exact.
        var heap = new PriorityQueue<long, double>();
        for (long i = 0; i < score.LongLength; i++)
        {
            var s = score[i];
            if (double.IsNaN(s))
                continue;
            if (heap.Count < count)
                heap.Enqueue(i, s);
            else if (heap.TryPeek(out _, out var weakest) && s > weakest)
                heap.EnqueueDequeue(i, s);
        }
        if (heap.Count == 0)
            return [];
        heap.TryPeek(out _, out var threshold);
        var chosen = new List<(long Index, double Score, string Id)>();
        for (long i = 0; i < score.LongLength; i++)
        {
            if (score[i] >= threshold)
                chosen.Add((i, score[i], grid.CellId((int)(i % grid.Columns), (int)(i / grid.Columns))));
        }
        return chosen.OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal).Take(count).Select(c => c.Index).ToList();
    }
}
