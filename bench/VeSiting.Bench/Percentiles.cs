namespace VeSiting.Bench;

/// <summary>
/// The one percentile helper of the benchmarks and the load client. Nearest-rank percentiles: the p-th percentile of n
/// sorted samples is the sample at rank ⌈p / 100 × n⌉ (1-based), the smallest value with at least p % of the samples
/// at or below it. p = 100 is the maximum; no interpolation. The median of timed runs averages the middle pair.
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

    /// <summary>The p-th percentile (0 ≤ p ≤ 100) of samples in any order; NaN when there are none.</summary>
    public static double Of(IEnumerable<double> samples, double p) => OfSorted(Sorted(samples), p);

    /// <summary>The middle sample, or the mean of the middle two for an even count; NaN when there are none.</summary>
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = Sorted(samples);
        var n = sorted.Length;
        return n == 0 ? double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] Sorted(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
