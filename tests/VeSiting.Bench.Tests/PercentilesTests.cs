using VeSiting.Bench.Load;

namespace VeSiting.Bench.Tests;

/// <summary>Nearest-rank percentiles on hand-made samples: rank ⌈p / 100 × n⌉, no interpolation.</summary>
public sealed class PercentilesTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [InlineData(0, 1)]      // rank 0 is clamped to the first sample
    [InlineData(10, 1)]     // ⌈1.0⌉ = 1
    [InlineData(11, 2)]     // ⌈1.1⌉ = 2
    [InlineData(50, 5)]     // ⌈5.0⌉ = 5
    [InlineData(90, 9)]     // ⌈9.0⌉ = 9, although 0.9 × 10 is 9.000000000000002 in floating point
    [InlineData(99, 10)]    // ⌈9.9⌉ = 10
    [InlineData(100, 10)]
    public void Ten_samples(double p, double expected) => Assert.Equal(expected, Percentiles.OfSorted(OneToTen, p));

    [Fact]
    public void A_thousand_samples_give_the_tail_percentiles_their_own_ranks()
    {
        var samples = Enumerable.Range(1, 1_000).Select(i => (double)i).ToArray();
        Assert.Equal(500, Percentiles.OfSorted(samples, 50));
        Assert.Equal(990, Percentiles.OfSorted(samples, 99));
        Assert.Equal(999, Percentiles.OfSorted(samples, 99.9));
        Assert.Equal(1_000, Percentiles.OfSorted(samples, 100));
    }

    [Fact]
    public void One_sample_is_every_percentile_and_none_is_no_number()
    {
        Assert.Equal(7, Percentiles.OfSorted([7.0], 50));
        Assert.Equal(7, Percentiles.OfSorted([7.0], 99.9));
        Assert.True(double.IsNaN(Percentiles.OfSorted([], 50)));
    }

    [Fact]
    public void Percentiles_outside_zero_to_a_hundred_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.OfSorted(OneToTen, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.OfSorted(OneToTen, 100.1));
    }

    [Fact]
    public void A_summary_sorts_its_samples_first()
    {
        // Sorted: 1 2 3 4 5 10. Ranks: p50 ⌈3⌉ = 3, p90 ⌈5.4⌉ = 6, p99 ⌈5.94⌉ = 6; mean 25 / 6.
        var summary = LatencySummary.Of([5, 1, 10, 4, 2, 3]);
        Assert.Equal(6, summary.Count);
        Assert.Equal(25.0 / 6, summary.Mean, 12);
        Assert.Equal(3, summary.P50);
        Assert.Equal(10, summary.P90);
        Assert.Equal(10, summary.P99);
        Assert.Equal(10, summary.P999);
        Assert.Equal(10, summary.Max);
    }

    [Fact]
    public void Unsorted_samples_are_sorted_first()
    {
        // Sorted: 1 2 3 4 5 10; p90 is rank ⌈5.4⌉ = 6.
        Assert.Equal(10, Percentiles.Of([5.0, 1, 10, 4, 2, 3], 90));
    }

    [Theory]
    [InlineData(new[] { 3.0, 1, 2 }, 2)]        // odd count: the middle sample
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]   // even count: (2 + 3) / 2
    [InlineData(new[] { 0.226 }, 0.226)]
    public void The_median_of_timed_runs_averages_the_middle_pair(double[] runs, double expected) =>
        Assert.Equal(expected, Percentiles.Median(runs));

    [Fact]
    public void No_runs_have_no_median() => Assert.True(double.IsNaN(Percentiles.Median([])));
}
