namespace VeSiting.Bench.Load;

/// <summary>
/// The figures of an open-loop run: achieved rate, latency measured from each request's intended send time (corrected
/// for coordinated omission, as wrk2 does) and from its actual send time, status and error counts, how far the sender
/// fell behind its schedule, and whether the client kept up at all. Every response is timed, non-2xx ones too;
/// requests without a response (errors, timeouts) are counted, not timed.
/// </summary>
public sealed record RateReport(
    int TargetRate,
    int Scheduled,
    double ScheduledSeconds,
    int Sent,
    int Responses,
    int Non2xx,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds,
    double AchievedRate,
    double SendingSeconds,
    LatencySummary FromIntended,
    LatencySummary FromSent,
    LatencySummary SendLag,
    double ClientCpuPercent,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The sender's p99 lag behind schedule above which it is said not to have kept up (1 ms timer granularity, as wrk2's, plus slack).</summary>
    public const double LagToleranceMs = 2;

    public bool ClientKeptUp => Warnings.Count == 0;

    public static RateReport From(RateSamples samples)
    {
        var schedule = samples.Schedule;
        var perMs = schedule.TicksPerSecond / 1000.0;
        var fromIntended = new List<double>();
        var fromSent = new List<double>();
        var lag = new List<double>();
        int sent = 0, responses = 0, non2xx = 0, errors = 0;
        long lastSent = 0, lastDone = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schedule.Count; i++)
        {
            var intended = schedule.OffsetTicks(i);
            if (samples.SentTicks[i] < 0) continue;
            sent++;
            lastSent = Math.Max(lastSent, samples.SentTicks[i]);
            lag.Add((samples.SentTicks[i] - intended) / perMs);
            if (samples.Status[i] > 0)
            {
                responses++;
                if (samples.Status[i] is < 200 or > 299) non2xx++;
                lastDone = Math.Max(lastDone, samples.DoneTicks[i]);
                fromIntended.Add((samples.DoneTicks[i] - intended) / perMs);
                fromSent.Add((samples.DoneTicks[i] - samples.SentTicks[i]) / perMs);
            }
            else
            {
                errors++;
                var kind = samples.Errors[i] ?? "no response";
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }
        }
        var wall = Math.Max(lastDone, lastSent) / (double)schedule.TicksPerSecond;
        var sendLag = LatencySummary.Of(lag);
        var warnings = new List<string>();
        if (sent < schedule.Count)
            warnings.Add($"the client sent only {sent:N0} of {schedule.Count:N0} scheduled requests");
        if (sendLag.P99 > LagToleranceMs)
            warnings.Add($"the client fell behind its schedule (p99 send lag {sendLag.P99:0.00} ms, max {sendLag.Max:0.00} ms > {LagToleranceMs} ms): "
                + "latencies from the intended time include that lag, so they overstate the server's");
        return new RateReport(schedule.Rate, schedule.Count, schedule.Seconds, sent, responses, non2xx, errors, kinds,
            wall > 0 ? responses / wall : 0, lastSent / (double)schedule.TicksPerSecond,
            LatencySummary.Of(fromIntended), LatencySummary.Of(fromSent), sendLag,
            wall > 0 ? samples.ClientCpuSeconds / wall * 100 : 0, warnings);
    }
}
