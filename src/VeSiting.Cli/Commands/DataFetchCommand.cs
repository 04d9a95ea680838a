using VeSiting.Core.Explanations;
namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting data fetch</c>: obtain every source into the cache, verified by checksum.</summary>
public sealed class DataFetchCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<QuerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, QuerySettings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var (manifest, fetcher, _) = data.OpenSources(settings);
        var outcomes = await data.FetchWithProgressAsync(fetcher, manifest, cancellationToken);
        var result = new CliResult("Data sources fetched", ["Source", "File", "Obtained from", "Licence", "Attribution"])
        {
            Attributions = manifest.Attributions(),
        };
        result.Fact("Cache", fetcher.CacheDirectory)
            .Fact("Mirrors tried in order", fetcher.MirrorDirectories);
        foreach (var o in outcomes)
            result.Row(null, o.Source.Id, o.Source.File, o.AlreadyCached ? Reason.Of("cli.data-from-cache") : o.ObtainedFrom, o.Source.Licence, o.Source.Attribution);
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
