using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VeSiting.Api.Hosting;
using VeSiting.Api.Hosting.Imports;
using VeSiting.Core.Stores;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Security;

/// <summary>Imports run as a hosted background service: stopping the service cancels a running import, records it as failed, and leaves the data it served.</summary>
public sealed class ImportShutdownTests
{
    private const string Key = "import-shutdown-key-0123456789";

    /// <summary>An import's reading stage that says when it has begun and then waits until it is cancelled.</summary>
    private sealed class ReaderThatWaits : IImportReader
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Cancelled { get; private set; }

        public async Task<DataSet> ReadAsync(SourceManifest? manifest, IProgress<FetchProgress> progress, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            throw new UnreachableException();
        }
    }

    [Fact]
    public async Task Stopping_the_service_cancels_a_running_import_and_the_previous_data_stays()
    {
        var reader = new ReaderThatWaits();
        await using var service = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key)
            .ConfigureTestServices(s => s.AddSingleton<IImportReader>(reader)));
        var client = service.CreateClient();
        var stores = service.Services.GetRequiredService<StoreHost>();
        var before = stores.StoreIfLoaded!.Version.Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports");
        request.Headers.Add("X-Api-Key", Key);
        var started = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = started.Headers.Location!.ToString().Split('/')[^1];
        // The bound only keeps a broken service from hanging the suite.
        await reader.Started.Task.WaitAsync(TimeSpan.FromMinutes(2));

        await service.Services.GetRequiredService<IHost>().StopAsync();

        Assert.True(reader.Cancelled);
        var job = await stores.ImportHistory.FindAsync(id, CancellationToken.None);
        Assert.NotNull(job);
        Assert.Equal(("failed", "cancelled: the service stopped"), (job.Stage, job.Error));
        Assert.NotNull(job.FinishedAt);
        Assert.Null(job.DataVersion);
        Assert.Equal(before, job.PreviousVersion);
        Assert.Equal(before, stores.StoreIfLoaded!.Version.Id);
    }
}
