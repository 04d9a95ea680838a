namespace VeSiting.Bench.Load;

/// <summary>
/// The intended send times of an open-loop run: request i is due <c>i / rate</c> seconds after the start, whatever
/// happened to earlier requests. Times are in ticks of a clock with the given frequency (<see cref="System.Diagnostics.Stopwatch.Frequency"/>);
/// integer arithmetic, so the schedule does not drift over long runs.
/// </summary>
public sealed class RateSchedule
{
    public RateSchedule(int ratePerSecond, double seconds, long ticksPerSecond)
    {
        if (ratePerSecond < 1) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "the rate must be at least 1 request per second");
        if (seconds <= 0) throw new ArgumentOutOfRangeException(nameof(seconds), "the duration must be positive");
        if (ticksPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(ticksPerSecond));
        Rate = ratePerSecond;
        TicksPerSecond = ticksPerSecond;
        Count = Math.Max(1, (int)Math.Floor(ratePerSecond * seconds + 1e-9));
    }

    public int Rate { get; }
    public long TicksPerSecond { get; }

    /// <summary>Requests in the run: rate × seconds (at least one).</summary>
    public int Count { get; }

    /// <summary>The scheduled length of the run in seconds: Count / rate.</summary>
    public double Seconds => (double)Count / Rate;

    /// <summary>Ticks from the start at which request <paramref name="index"/> is due: ⌊index × frequency / rate⌋.</summary>
    public long OffsetTicks(int index) => index * TicksPerSecond / Rate;

    /// <summary>
    /// How many requests are due once <paramref name="elapsedTicks"/> have passed: those with OffsetTicks(i) ≤ elapsed,
    /// i.e. i &lt; (elapsed + 1) × rate / frequency, so ⌈(elapsed + 1) × rate / frequency⌉, at most Count.
    /// </summary>
    public int DueBy(long elapsedTicks)
    {
        if (elapsedTicks < 0) return 0;
        var due = ((elapsedTicks + 1) * Rate + TicksPerSecond - 1) / TicksPerSecond;
        return (int)Math.Min(Count, due);
    }
}
