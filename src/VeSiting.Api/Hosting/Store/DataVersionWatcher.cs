using Microsoft.Extensions.Options;
using VeSiting.Api.Hosting.Logging;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// On PostGIS, notices a new data version imported by another process (`vesiting import`, another instance) and rules
/// published through another instance, and switches to them: tiles and ETags follow the version, so maps refresh by themselves.
/// </summary>
public sealed class DataVersionWatcher(ServiceData data, IOptions<DatabaseOptions> options, ILogger<DataVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.DataVersionPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            if (stoppingToken.IsCancellationRequested || data.StoreIfLoaded is not IVersionedStore)
                continue;
            try
            {
                var (newVersion, newRules) = await data.RefreshAsync(stoppingToken);
                if (newVersion)
                    HostingLog.NowServing(logger, data.StoreIfLoaded.Version.Id);
                if (newRules)
                    HostingLog.NewRules(logger);
            }
            catch (StoreUnavailableException e)
            {
                HostingLog.VersionCheckFailed(logger, e.Message);
            }
        }
    }
}
