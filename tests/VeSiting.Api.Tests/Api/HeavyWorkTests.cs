using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VeSiting.Api.Hosting.HeavyWork;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// Heavy requests under one budget: light requests are answered while heavy ones run and after they are aborted,
/// an aborted client's computation is cancelled, identical requests share one computation, and a full queue or a
/// passed time limit is 503 with Retry-After. Behaviour is asserted here; latency figures are in bench/RESULTS.md.
/// </summary>
public sealed class HeavyWorkTests
{
    // Siting all of Denmark at 100–130 m takes seconds (a raster of about 17 million cells per criterion): long enough to
    // be running while the test looks.
    private static string Heavy(int cell) => $"/api/sites?area=denmark&cell={cell}&limit=1";

    private static WebApplicationFactory<Program> Service(int concurrency, int queue, double timeLimitSeconds) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0").UseSetting("VeSiting:HeavyConcurrency", $"{concurrency}")
            .UseSetting("VeSiting:HeavyQueueLength", $"{queue}").UseSetting("VeSiting:HeavyTimeLimitSeconds", timeLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task Until(Func<bool> condition, string what)
    {
        // A generous bound on waiting for a state to be reached, not a latency assertion.
        for (var i = 0; i < 600 && !condition(); i++)
            await Task.Delay(100);
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Health_and_point_assessments_are_answered_while_four_heavy_requests_run_and_after_they_are_aborted()
    {
        using var service = Service(concurrency: 1, queue: 8, timeLimitSeconds: 0);
        var client = service.CreateClient();
        var queue = service.Services.GetRequiredService<HeavyWorkQueue>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var aborts = Enumerable.Range(0, 4).Select(_ => new CancellationTokenSource()).ToList();
        var heavy = aborts.Select((abort, i) => client.GetAsync(Heavy(100 + 10 * i), abort.Token)).ToList();
        await Until(() => queue.Admitted == 4, "four heavy requests admitted");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/assess/site?lat=55.4810&lon=11.1916")).StatusCode);
        }
        Assert.Equal(4, queue.Admitted); // still running or waiting: the light requests did not wait for them
        Assert.DoesNotContain(heavy, t => t.IsCompletedSuccessfully);

        foreach (var abort in aborts)
            await abort.CancelAsync();
        foreach (var request in heavy)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await Until(() => queue.Admitted == 0, "every aborted heavy request left the queue");
        Assert.True(queue.Cancelled >= 1, "the running computation was cancelled");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/assess/site?lat=55.4810&lon=11.1916")).StatusCode);
    }

    [Fact]
    public async Task Identical_concurrent_requests_share_one_computation()
    {
        using var service = Service(concurrency: 1, queue: 8, timeLimitSeconds: 0);
        var client = service.CreateClient();
        var queue = service.Services.GetRequiredService<HeavyWorkQueue>();
        const string url = "/api/sites?area=region:1082&cell=5000&limit=3";
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync(url)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.Equal(1, queue.Started);
    }

    [Fact]
    public async Task A_full_queue_and_a_passed_time_limit_are_503_with_retry_after()
    {
        using (var service = Service(concurrency: 1, queue: 0, timeLimitSeconds: 0))
        {
            var client = service.CreateClient();
            var queue = service.Services.GetRequiredService<HeavyWorkQueue>();
            using var abort = new CancellationTokenSource();
            var first = client.GetAsync(Heavy(100), abort.Token);
            await Until(() => queue.Admitted == 1, "the first heavy request admitted");
            var refused = await client.GetAsync(Heavy(110));
            var busy = await Problems.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, null);
            Assert.Contains("busy", busy, StringComparison.Ordinal);
            Assert.NotNull(refused.Headers.RetryAfter);
            await abort.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        }

        // 50 ms: far less than any national raster at 100 m needs.
        using (var service = Service(concurrency: 1, queue: 0, timeLimitSeconds: 0.05))
        {
            var client = service.CreateClient();
            var queue = service.Services.GetRequiredService<HeavyWorkQueue>();
            var timedOut = await client.GetAsync(Heavy(100));
            var reason = await Problems.AssertProblemAsync(timedOut, HttpStatusCode.ServiceUnavailable, null);
            Assert.Contains("time limit", reason, StringComparison.Ordinal);
            Assert.NotNull(timedOut.Headers.RetryAfter);
            await Until(() => queue.Cancelled == 1, "the timed-out computation cancelled");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
    }
}
