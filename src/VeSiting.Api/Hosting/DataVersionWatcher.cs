using Microsoft.Extensions.Options;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// On PostGIS, notices a new data version imported by another process (`vesiting import`) and switches to it:
/// tiles and ETags follow the version, so maps refresh by themselves.
/// </summary>
public sealed class DataVersionWatcher(ServiceData data, IOptions<VeSitingOptions> options, ILogger<DataVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.DataVersionPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            if (stoppingToken.IsCancellationRequested || data.StoreIfLoaded is not PostGisSpatialStore store)
                continue;
            try
            {
                if (await store.RefreshVersionAsync(stoppingToken))
                    logger.LogInformation("Now serving data version {Version}", store.Version.Id);
            }
            catch (StoreUnavailableException e)
            {
                logger.LogWarning("Data version check failed: {Reason}", e.Message);
            }
        }
    }
}
