using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresRestartCollection
{
    public const string Name = "postgres restart";
}

/// <summary>
/// The service on PostGIS while the test cluster is stopped and started again: /health reports it, requests fail
/// fast with 503, and the service recovers by itself. Runs alone (it stops the server every PostGIS test uses).
/// </summary>
[Collection(PostgresRestartCollection.Name)]
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync() => _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_database);

    private static void Cluster(string action)
    {
        var version = Environment.GetEnvironmentVariable("VESITING_TEST_PG_VERSION") ?? "15";
        using var process = Process.Start(new ProcessStartInfo("pg_ctlcluster", [version, "main", action]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pg_ctlcluster could not be started (the restart test needs the local test cluster and root)");
        process.WaitForExit(60_000);
        Assert.True(process.ExitCode == 0, $"pg_ctlcluster {action}: {process.StandardError.ReadToEnd()}");
    }

    [Fact]
    public async Task Stopping_PostGIS_gives_503_and_the_service_recovers_when_it_returns()
    {
        using var service = new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Database", _database).UseSetting("VeSiting:Year", "2026"));
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        const string site = "/api/assess/site?e=600100&n=6200100";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(site)).StatusCode);

        Cluster("stop");
        try
        {
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unavailable", JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
            var request = await client.GetAsync(site);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, request.StatusCode);
            Assert.Equal("application/problem+json", request.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            Cluster("start");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            status = (await client.GetAsync("/health")).StatusCode;
        } while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(site)).StatusCode);
    }
}
