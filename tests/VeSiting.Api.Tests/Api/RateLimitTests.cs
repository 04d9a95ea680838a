using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VeSiting.Api.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Expensive_endpoints_answer_429_problems_beyond_the_configured_rate()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:ExpensiveRequestsPerMinute", "3").UseSetting("VeSiting:Year", "2026"));
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/assess/municipality/326")).StatusCode);
        var limited = await client.GetAsync("/api/assess/municipality/326");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        // Cheap reads are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
