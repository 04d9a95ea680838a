using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting data sources</c>: the manifest, with licence, attribution and whether each file is cached.</summary>
public sealed class DataSourcesCommand(DataContext data, ResultRenderer renderer) : Command<QuerySettings>
{
    public override int Execute(CommandContext context, QuerySettings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var (manifest, fetcher, _) = data.OpenSources(settings);
        var result = new CliResult("Data sources", ["Source", "Title", "File", "Cached", "Licence", "Attribution", "Upstream"])
        {
            Attributions = manifest.Attributions(),
        };
        result.Fact("Manifest", Path.Combine(manifest.Directory, "sources.json")).Fact("Cache", fetcher.CacheDirectory);
        foreach (var s in manifest.Sources)
            result.Row(null, s.Id, s.Title, s.File, fetcher.IsCached(s) ? "yes" : "no", s.Licence, s.Attribution, s.Upstream ?? $"derived: {s.DerivedFrom}");
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
