using VeSiting.Bench.Load;

namespace VeSiting.Bench.Tests;

/// <summary>An open-loop run's figures from hand-made samples on a millisecond clock (one tick = 1 ms).</summary>
public sealed class RateReportTests
{
    // 1,000 a second for 4 ms: intended send times 0, 1, 2, 3 ms.
    private static readonly RateSchedule FourRequests = new(1_000, 0.004, ticksPerSecond: 1_000);

    [Fact]
    public void Latency_counts_from_the_intended_send_time_as_well_as_the_actual_one()
    {
        var samples = new RateSamples(FourRequests,
            SentTicks: [0, 1, 5, 6],
            DoneTicks: [2, 4, 6, 16],
            Status: [200, 200, 503, 0],
            Errors: [null, null, null, "timeout"],
            ClientCpuSeconds: 0.003);
        var report = RateReport.From(samples);

        Assert.Equal(4, report.Scheduled);
        Assert.Equal(4, report.Sent);
        Assert.Equal(3, report.Responses);
        Assert.Equal(1, report.Non2xx);
        Assert.Equal(1, report.Errors);
        Assert.Equal(new Dictionary<string, int> { ["timeout"] = 1 }, report.ErrorKinds);
        // From the intended time: 2 − 0, 4 − 1, 6 − 2 = 2, 3, 4 ms; from the actual send: 2, 3, 1 ms.
        Assert.Equal((3, 3.0, 4.0), (report.FromIntended.Count, report.FromIntended.P50, report.FromIntended.Max));
        Assert.Equal((3, 2.0, 3.0), (report.FromSent.Count, report.FromSent.P50, report.FromSent.Max));
        // Send lag 0, 0, 3, 3 ms: the p99 of 3 ms is over the tolerance, so the report says the client fell behind.
        Assert.Equal((0.0, 3.0), (report.SendLag.P50, report.SendLag.P99));
        Assert.False(report.ClientKeptUp);
        Assert.Contains(report.Warnings, w => w.Contains("fell behind", StringComparison.Ordinal));
        // Three responses by 6 ms after the start: 500 a second; 3 ms of processor time in 6 ms is 50 % of one core.
        Assert.Equal(500, report.AchievedRate, 9);
        Assert.Equal(0.006, report.SendingSeconds, 12);
        Assert.Equal(50, report.ClientCpuPercent, 9);
    }

    [Fact]
    public void A_client_on_schedule_has_no_warnings()
    {
        var samples = new RateSamples(FourRequests, [0, 1, 2, 3], [1, 2, 3, 4], [200, 200, 200, 200], new string?[4], 0);
        var report = RateReport.From(samples);
        Assert.True(report.ClientKeptUp);
        Assert.Empty(report.Warnings);
        Assert.Equal(1.0, report.FromIntended.Max);
        Assert.Equal(1_000, report.AchievedRate, 9);
    }

    [Fact]
    public void Requests_never_sent_are_not_latencies_but_say_the_client_did_not_keep_up()
    {
        var samples = RateSamples.Empty(FourRequests);
        samples.SentTicks[0] = 0;
        samples.DoneTicks[0] = 1;
        samples.Status[0] = 200;
        var report = RateReport.From(samples);
        Assert.Equal((1, 1, 0), (report.Sent, report.Responses, report.Errors));
        Assert.Contains(report.Warnings, w => w.Contains("sent only 1 of 4", StringComparison.Ordinal));
    }
}
