using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;

namespace VeSiting.Api.Tests.Api;

/// <summary>The siting raster cache is bounded by bytes, not entries (#25: memory grew to 4 GB after ~40 national requests), and reported in /metrics.</summary>
public sealed partial class SitingCacheTests
{
    [Fact]
    public void Entries_are_evicted_least_recently_used_first_when_their_bytes_pass_the_budget()
    {
        var cache = new ByteBoundedCache<string>(capacityBytes: 100);
        cache.Set("a", "A", 40);
        cache.Set("b", "B", 40);
        Assert.True(cache.TryGet("a", out _)); // a is now the more recently used
        cache.Set("c", "C", 40);               // 120 > 100: b, the least recently used, goes
        Assert.Equal(80, cache.Bytes);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a) && a == "A");
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void Many_small_entries_fit_where_one_large_one_pushes_them_all_out()
    {
        var cache = new ByteBoundedCache<string>(capacityBytes: 100);
        for (var i = 0; i < 10; i++)
            cache.Set($"small{i}", "s", 10);
        Assert.Equal(10, cache.Count); // ten entries of 10 bytes: exactly 100, no eviction (an entry count of 8 would have cleared them)
        cache.Set("large", "L", 95);   // 195 > 100: evicted oldest first until 95 + 0 ≤ 100, i.e. all ten small ones
        Assert.Equal(1, cache.Count);
        Assert.Equal(95, cache.Bytes);
        Assert.Equal(10, cache.Evictions);
    }

    [Fact]
    public void An_entry_larger_than_the_budget_is_not_kept_and_a_replaced_one_is_counted_once()
    {
        var cache = new ByteBoundedCache<string>(capacityBytes: 100);
        cache.Set("a", "A", 30);
        cache.Set("a", "A2", 50);
        Assert.Equal(50, cache.Bytes);
        cache.Set("huge", "H", 101);
        Assert.False(cache.TryGet("huge", out _));
        Assert.Equal(50, cache.Bytes);
        Assert.Equal(0, cache.Evictions);
    }

    [Theory]
    [InlineData(64, 1)]
    [InlineData(0, 0)]
    public async Task The_service_caches_within_the_configured_megabytes_and_reports_it_in_metrics(int megabytes, int entries)
    {
        using var service = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0").UseSetting("VeSiting:HeavyTimeLimitSeconds", "0").UseSetting("VeSiting:SitingCacheMegabytes", megabytes.ToString(CultureInfo.InvariantCulture)));
        var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5); // a raster under a full test run on two shared cores can pass the default 100 s; no time is asserted
        (await client.GetAsync("/api/sites?profile=greenhouse&area=municipality:0461&cell=5000&limit=1")).EnsureSuccessStatusCode();
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(megabytes * 1024L * 1024, Gauge(metrics, "vesiting_siting_cache_capacity_bytes"));
        Assert.Equal(entries, Gauge(metrics, "vesiting_siting_cache_entries"));
        var bytes = Gauge(metrics, "vesiting_siting_cache_bytes");
        Assert.True(entries == 0 ? bytes == 0 : bytes > 0 && bytes <= megabytes * 1024L * 1024, metrics);
    }

    private static long Gauge(string metrics, string name) =>
        long.Parse(Regex.Match(metrics, $"^{name} (\\d+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
}
