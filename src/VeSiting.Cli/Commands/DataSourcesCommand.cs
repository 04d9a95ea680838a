using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting data sources</c>: every source with the edition in use (built-in or a file the user added, and where it
/// came from), licence, attribution and whether the file is cached; optional sources not added yet are listed too.
/// </summary>
public sealed class DataSourcesCommand(DataContext data, ResultRenderer renderer) : Command<QuerySettings>
{
    public override int Execute(CommandContext context, QuerySettings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var (manifest, fetcher, _) = data.OpenSources(settings);
        var result = new CliResult("Data sources", ["Source", "Edition", "Title", "File", "Cached", "Licence", "Attribution", "Upstream"])
        {
            Attributions = manifest.Attributions(),
        };
        result.Fact("Manifest", Path.Combine(manifest.Directory, "sources.json"))
            .Fact("Cache", fetcher.CacheDirectory)
            .Fact("Added files recorded in", SourceOverlay.PathIn(fetcher.CacheDirectory));
        foreach (var s in manifest.Sources)
        {
            var edition = s.Added is { } added ? $"added {added.AddedAt:yyyy-MM-dd HH:mm} UTC from {added.OriginalName}" : "built-in";
            var origin = s.Added is not null ? "added by you" : s.Upstream ?? $"derived: {s.DerivedFrom}";
            result.Row(null, s.Id, edition, s.Title, s.File, fetcher.IsCached(s) ? "yes" : "no", s.Licence, s.Attribution, origin);
        }
        foreach (var optional in OptionalSource.All.Where(o => manifest.Sources.All(s => s.Id != o.Id)))
            result.Row(null, optional.Id, "none (optional)", optional.Title, $"add with `vesiting data add {optional.Id} FILE` ({optional.Layout})", "no", "", "", "");
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
