using System.Globalization;
using System.Text;

namespace VeSiting.Bench.Load;

/// <summary>An open-loop run's figures as plain text, warnings first when the client did not keep to its schedule.</summary>
public static class RateReportText
{
    public static string Format(RateReport r, string url, int connections)
    {
        var text = new StringBuilder();
        foreach (var warning in r.Warnings)
            text.AppendLine(CultureInfo.InvariantCulture, $"WARNING: {warning}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"target {r.TargetRate:N0} requests/s for {r.ScheduledSeconds:0.###} s against {url} (at most {connections} connections)");
        var kinds = string.Join(", ", r.ErrorKinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:N0}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"scheduled {r.Scheduled:N0}; sent {r.Sent:N0}; responses {r.Responses:N0} (non-2xx {r.Non2xx:N0}); errors {r.Errors:N0}{(kinds.Length == 0 ? "" : $" ({kinds})")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"achieved rate {r.AchievedRate:0.0} responses/s; sending took {r.SendingSeconds:0.000} s of {r.ScheduledSeconds:0.###} s scheduled");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency from intended send time (coordinated omission corrected): {Figures(r.FromIntended)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency from actual send time:                                  {Figures(r.FromSent)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"sender lag behind schedule:                                     {Figures(r.SendLag)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"client processor time: {r.ClientCpuPercent:0} % of one core");
        text.AppendLine(r.ClientKeptUp ? "the client kept to its schedule." : "the client did NOT keep to its schedule: see the warnings above.");
        return text.ToString();
    }

    private static string Figures(LatencySummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {s.P50:0.000}  p90 {s.P90:0.000}  p99 {s.P99:0.000}  p99.9 {s.P999:0.000}  max {s.Max:0.000} ms");
}
