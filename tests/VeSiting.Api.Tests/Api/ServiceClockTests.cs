using Microsoft.Extensions.Options;
using VeSiting.Api.Hosting;

namespace VeSiting.Api.Tests.Api;

/// <summary>The service's "today" comes from the injected TimeProvider, in its local time zone, never from the machine's clock.</summary>
public sealed class ServiceClockTests
{
    private sealed class FixedTime(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }

    [Fact]
    public async Task Today_is_the_local_date_of_the_injected_clock()
    {
        // 1 June 2026 22:30 UTC is 2 June 00:30 in Copenhagen (CEST, UTC+2): the Danish date has already turned.
        var time = new FixedTime(new DateTimeOffset(2026, 6, 1, 22, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        await using var rules = new RulesHost(Options.Create(new VeSitingOptions()), time);

        Assert.Equal(new DateOnly(2026, 6, 2), rules.Today);
    }
}
