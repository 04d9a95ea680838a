namespace VeSiting.Core.Suitability.Raster;

/// <summary>What a raster cell is.</summary>
public enum CellStatus : byte
{
    /// <summary>Not in the area (sea, or outside the chosen municipality or region).</summary>
    Outside = 0,
    Ranked = 1,
    /// <summary>Inside the minimum distance of a covered operating or planned turbine.</summary>
    MinimumDistance = 2,
    /// <summary>Failing a required threshold: criterion <c>status − FirstThreshold</c> of <see cref="SuitabilityRaster.Criteria"/>.</summary>
    FirstThreshold = 3,
}

/// <summary>
/// A profile scored over a grid: the 0–100 score (double; NaN where excluded or outside), every criterion in use as its own
/// band (NaN outside the area or where a value is unknown), and each cell's status.
/// </summary>
public sealed record SuitabilityRaster(
    SitingProfile Profile,
    RasterGrid Grid,
    IReadOnlyList<CriterionSpec> Criteria,
    IReadOnlyList<string> Units,
    IReadOnlyList<float[]> Bands,
    double[] Score,
    byte[] Status,
    IReadOnlyList<Explanations.Reason> Notes,
    Provenance Provenance,
    string MinimumDistanceWhy,
    TimeSpan Elapsed)
{
    public long CountOf(Func<CellStatus, bool> which)
    {
        long n = 0;
        foreach (var s in Status)
        {
            if (which((CellStatus)s)) n++;
        }
        return n;
    }

    /// <summary>The best <paramref name="count"/> ranked cells, by score and then by cell id (ordinal), as the per-cell engine ranks.</summary>
    public IReadOnlyList<long> Top(int count) => RankOrder.Top(Grid, Score, count);

    /// <summary>Why an excluded cell is excluded, in a word (the per-cell explanation gives the detail).</summary>
    public Explanations.Reason? Reason(long index) => (CellStatus)Status[index] switch
    {
        CellStatus.Outside or CellStatus.Ranked => null,
        CellStatus.MinimumDistance => Explanations.Reason.Of("siting.cell-minimum-distance", ("rule", MinimumDistanceWhy)),
        _ => Criteria[Status[index] - (byte)CellStatus.FirstThreshold] is var c && c.RequiredMin is { } min
            ? Explanations.Reason.Of("siting.cell-below", ("criterion", c.Criterion), ("min", min))
            : Explanations.Reason.Of("siting.cell-above", ("criterion", Criteria[Status[index] - (byte)CellStatus.FirstThreshold].Criterion)),
    };
}
