using VeSiting.Api.Hosting.Logging;
using VeSiting.Stores.PostGis;

namespace VeSiting.Api.Hosting;

/// <summary>
/// On PostGIS, notices a new data version imported by another process (`vesiting import`, another instance) and rules
/// published through another instance, and switches to them: tiles and ETags follow the version, so maps refresh by themselves.
/// </summary>
public sealed class DataVersionWatcher(StoreHost stores, RulesHost rules, IOptions<DatabaseOptions> options, TimeProvider time, ILogger<DataVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.DataVersionPollSeconds)), time);
        while (await Ticked(timer, stoppingToken))
        {
            if (stores.StoreIfLoaded is not IVersionedStore)
                continue;
            try
            {
                if (await stores.RefreshVersionAsync(stoppingToken))
                    HostingLog.NowServing(logger, stores.StoreIfLoaded.Version.Id);
                if (await rules.RefreshAsync(stoppingToken))
                    HostingLog.NewRules(logger);
            }
            catch (StoreUnavailableException e)
            {
                HostingLog.VersionCheckFailed(logger, e.Message);
            }
        }
    }

    /// <summary>Waits for the next poll; false when the application is stopping.</summary>
    private static async Task<bool> Ticked(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
