using System.Diagnostics;

namespace VeSiting.Bench.Load;

/// <summary>
/// Sends GET requests at the times a <see cref="RateSchedule"/> intends, whether or not earlier ones have been
/// answered (open loop). A dedicated thread wakes about every millisecond (the timer granularity wrk2 has too) and
/// starts every request that is due; each records its actual send time and when its response had been read in full.
/// </summary>
public sealed class OpenLoopSender(HttpClient client, IReadOnlyList<string> paths, int seed = 42)
{
    public async Task<RateSamples> RunAsync(RateSchedule schedule, CancellationToken cancellationToken)
    {
        if (schedule.TicksPerSecond != Stopwatch.Frequency)
            throw new ArgumentException("the schedule must be in Stopwatch ticks", nameof(schedule));
        var samples = RateSamples.Empty(schedule);
        var random = new Random(seed);
        var pick = Enumerable.Range(0, schedule.Count).Select(_ => random.Next(paths.Count)).ToArray();
        var requests = new Task[schedule.Count];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();

        // The sender owns its thread; waiting for it must not hold a thread-pool thread the responses need.
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new Thread(() =>
        {
            var next = 0;
            while (next < schedule.Count && !cancellationToken.IsCancellationRequested)
            {
                var due = schedule.DueBy(Stopwatch.GetTimestamp() - start);
                for (; next < due; next++)
                    requests[next] = SendAsync(next, paths[pick[next]], start, samples, cancellationToken);
                if (next < schedule.Count)
                    Thread.Sleep(1);
            }
            finished.SetResult();
        })
        { IsBackground = true, Name = "open-loop sender" };
        sender.Start();
        await finished.Task;
        await Task.WhenAll(requests.Where(r => r is not null));
        process.Refresh();
        return samples with { ClientCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds };
    }

    private async Task SendAsync(int i, string path, long start, RateSamples samples, CancellationToken cancellationToken)
    {
        samples.SentTicks[i] = Stopwatch.GetTimestamp() - start;
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
            samples.Status[i] = (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            samples.Errors[i] = e.HttpRequestError.ToString();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            samples.Errors[i] = "timeout";
        }
        catch (OperationCanceledException)
        {
            samples.Errors[i] = "cancelled";
        }
        samples.DoneTicks[i] = Stopwatch.GetTimestamp() - start;
    }
}
