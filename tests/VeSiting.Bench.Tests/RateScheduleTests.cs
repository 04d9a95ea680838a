using VeSiting.Bench.Load;

namespace VeSiting.Bench.Tests;

/// <summary>The open-loop schedule's arithmetic: counts, intended send times and how many are due, by hand.</summary>
public sealed class RateScheduleTests
{
    [Fact]
    public void Two_thousand_a_second_for_twenty_seconds_is_one_request_every_half_millisecond()
    {
        var schedule = new RateSchedule(2_000, 20, ticksPerSecond: 1_000_000_000);
        Assert.Equal(40_000, schedule.Count);
        Assert.Equal(20.0, schedule.Seconds);
        Assert.Equal(0, schedule.OffsetTicks(0));
        Assert.Equal(500_000, schedule.OffsetTicks(1));
        Assert.Equal(1_000_000_000, schedule.OffsetTicks(2_000));
        Assert.Equal(19_999_500_000, schedule.OffsetTicks(39_999));
    }

    [Fact]
    public void Due_counts_every_request_whose_time_has_come()
    {
        var schedule = new RateSchedule(2_000, 20, ticksPerSecond: 1_000_000_000);
        Assert.Equal(0, schedule.DueBy(-1));
        Assert.Equal(1, schedule.DueBy(0));
        Assert.Equal(1, schedule.DueBy(499_999));
        Assert.Equal(2, schedule.DueBy(500_000));
        Assert.Equal(2_001, schedule.DueBy(1_000_000_000));
        Assert.Equal(40_000, schedule.DueBy(60_000_000_000));
    }

    [Fact]
    public void A_rate_that_does_not_divide_the_clock_rounds_each_time_down_without_drift()
    {
        // 3 a second on a millisecond clock: due at ⌊i × 1000 / 3⌋ = 0, 333, 666, 1000, 1333, 1666 ms.
        var schedule = new RateSchedule(3, 2, ticksPerSecond: 1_000);
        Assert.Equal(6, schedule.Count);
        Assert.Equal(new long[] { 0, 333, 666, 1_000, 1_333, 1_666 }, Enumerable.Range(0, 6).Select(schedule.OffsetTicks));
        Assert.Equal(1, schedule.DueBy(332));
        Assert.Equal(2, schedule.DueBy(333));
        Assert.Equal(2, schedule.DueBy(665));
        Assert.Equal(3, schedule.DueBy(666));
        Assert.Equal(3, schedule.DueBy(999));
        Assert.Equal(4, schedule.DueBy(1_000));
        Assert.Equal(6, schedule.DueBy(1_000_000));
    }

    [Theory]
    [InlineData(7, 1_000L)]
    [InlineData(2_000, 1_000_000_000L)]
    [InlineData(4_000, 1_000_000_000L)]
    [InlineData(333, 10_000_000L)]
    public void Each_request_becomes_due_exactly_at_its_intended_time(int rate, long ticksPerSecond)
    {
        var schedule = new RateSchedule(rate, 3, ticksPerSecond);
        for (var i = 0; i < schedule.Count; i++)
        {
            Assert.Equal(i + 1, schedule.DueBy(schedule.OffsetTicks(i)));
            Assert.Equal(i, schedule.DueBy(schedule.OffsetTicks(i) - 1));
        }
    }

    [Theory]
    [InlineData(2_000, 0.0015, 3)]
    [InlineData(3, 0.5, 1)]
    [InlineData(10, 0.01, 1)]
    [InlineData(500, 20, 10_000)]
    public void The_count_is_rate_times_seconds_rounded_down_and_at_least_one(int rate, double seconds, int expected) =>
        Assert.Equal(expected, new RateSchedule(rate, seconds, 1_000_000_000).Count);

    [Fact]
    public void Nonsense_rates_and_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(0, 1, 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(1, 0, 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(1, 1, 0));
    }
}
