using VeSiting.Core.DataCoverage;
using VeSiting.Core.Explanations;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting data sources</c>: every source with the edition in use (built-in or a file the user added, and where it
/// came from), licence, attribution and whether the file is cached; optional sources not added yet are listed too. With
/// <c>--municipalities</c>, the data is loaded (or the database read) and each municipality's address source is listed:
/// where DAR and OpenStreetMap are both loaded, each municipality takes one of them.
/// </summary>
public sealed class DataSourcesCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<DataSourcesCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandOption("--municipalities")]
        [Description("Also list, per municipality, the source its addresses come from, their number, coverage and household basis (loads the data).")]
        public bool Municipalities { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var (manifest, fetcher, _) = data.OpenSources(settings);
        var result = new CliResult("Data sources", ["Source", "Edition", "Title", "File", "Cached", "Licence", "Attribution", "Upstream"])
        {
            Attributions = manifest.Attributions(),
        };
        result.Fact("Manifest", Path.Combine(manifest.Directory, "sources.json"))
            .Fact("Cache", fetcher.CacheDirectory)
            .Fact("Added files recorded in", SourceOverlay.PathIn(fetcher.CacheDirectory))
            .Fact("Addresses", Reason.Of("cli.data-address-rule"));
        foreach (var s in manifest.Sources)
        {
            var edition = s.Added is { } added
                ? Reason.Of("cli.data-edition-added", ("at", added.AddedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), ("file", added.OriginalName))
                : Reason.Of("cli.data-edition-built-in");
            object origin = s.Added is not null ? Reason.Of("cli.data-added-by-you") : s.Upstream is { } upstream ? upstream : Reason.Of("cli.data-derived", ("from", s.DerivedFrom ?? ""));
            result.Row(null, s.Id, edition, s.Title, s.File, fetcher.IsCached(s) ? "yes" : "no", s.Licence, s.Attribution, origin);
        }
        foreach (var optional in OptionalSource.All.Where(o => manifest.Sources.All(s => s.Id != o.Id)))
            result.Row(null, optional.Id, Reason.Of("cli.data-edition-optional"), optional.Title, Reason.Of("cli.data-add-with", ("source", optional.Id), ("layout", optional.Layout)), "no", "", "", "");
        if (settings.Municipalities)
        {
            var store = await data.OpenStoreAsync(settings, cancellationToken);
            var section = result.Section("Address source by municipality", ["Code", "Municipality", "Address source", "Addresses", "Covered", "Households"]);
            foreach (var coverage in await AddressCoverage.OfMunicipalitiesAsync(store, cancellationToken: cancellationToken))
            {
                var addresses = await store.AddressesInAsync(coverage.Municipality.Geometry, cancellationToken);
                section.Row(null, coverage.Municipality.Code, coverage.Municipality.Name, coverage.Sources.Count == 0 ? "none" : string.Join(" and ", coverage.Sources),
                    coverage.Addresses, coverage.IsThin ? "no" : "yes", HouseholdBasis.Of(addresses).Because.Rendered);
            }
        }
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
