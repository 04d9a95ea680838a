namespace VeSiting.Bench.Load;

/// <summary>
/// What an open-loop run recorded for each scheduled request, in clock ticks from the run's start: when it was actually
/// sent (−1 when it never was) and when its response had been read, its HTTP status (0 without a response) and, for
/// failures, what kind of failure; plus the processor time the client used.
/// </summary>
public sealed record RateSamples(RateSchedule Schedule, long[] SentTicks, long[] DoneTicks, int[] Status, string?[] Errors, double ClientCpuSeconds)
{
    public static RateSamples Empty(RateSchedule schedule) =>
        new(schedule, Enumerable.Repeat(-1L, schedule.Count).ToArray(), new long[schedule.Count], new int[schedule.Count], new string?[schedule.Count], 0);
}
