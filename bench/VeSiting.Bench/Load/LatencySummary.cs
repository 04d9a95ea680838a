namespace VeSiting.Bench.Load;

/// <summary>Count, mean and the percentiles a latency report names (p50, p90, p99, p99.9, max), in milliseconds.</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencySummary Of(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, sorted.Length == 0 ? double.NaN : sorted.Average(),
            Percentiles.OfSorted(sorted, 50), Percentiles.OfSorted(sorted, 90), Percentiles.OfSorted(sorted, 99),
            Percentiles.OfSorted(sorted, 99.9), Percentiles.OfSorted(sorted, 100));
    }
}
