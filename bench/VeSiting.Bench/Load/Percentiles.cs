namespace VeSiting.Bench.Load;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile of n sorted samples is the sample at rank ⌈p / 100 × n⌉ (1-based),
/// the smallest value with at least p % of the samples at or below it. p = 100 is the maximum; no interpolation.
/// </summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0 ≤ p ≤ 100) of samples already sorted ascending; NaN when there are none.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (p is < 0 or > 100 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), "a percentile lies between 0 and 100");
        if (sorted.Length == 0) return double.NaN;
        // The small tolerance keeps products such as 0.9 × 10 = 9.000000000000002 at rank 9.
        var rank = (long)Math.Ceiling(p / 100.0 * sorted.Length - 1e-9);
        return sorted[(int)Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
