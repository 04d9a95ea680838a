using System.Diagnostics;
using System.Security.Cryptography;
using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;
using VeSiting.Core.Projects;
using VeSiting.Core.Registers;
using VeSiting.Core.Stores;
using VeSiting.Data.Importers.Bbr;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>
/// Loads every source of the manifest into a <see cref="DataSet"/>: obtains missing files through the
/// <see cref="DataFetcher"/>, runs each source's importer, and refuses (with <see cref="ImportFailedException"/>)
/// any source whose import reported errors, so a partial result is never presented as complete.
/// </summary>
public sealed class DataSetLoader(SourceManifest manifest, DataFetcher fetcher, MunicipalityNameAliases aliases)
{
    private const string BbrUnitsImporter = "bbr-units";
    private const string DarImporter = "dar-addresses";
    private const string OsmImporter = "osm";

    /// <summary>The importer names a manifest may use.</summary>
    public static IReadOnlyList<string> KnownImporters => SourceImporters.Known;

    public async Task<DataSet> LoadAsync(IProgress<FetchProgress>? fetchProgress = null, IProgress<string>? stage = null, CancellationToken cancellationToken = default)
    {
        var unknown = manifest.Sources.Where(s => !KnownImporters.Contains(s.Importer)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{manifest.Directory}/{SourceManifest.FileName}: unknown importer(s) {string.Join(", ", unknown.Select(s => $"'{s.Importer}' (source {s.Id})"))}; known: {string.Join(", ", KnownImporters)}");

        var paths = new Dictionary<string, string>();
        foreach (var source in manifest.Sources)
        {
            stage?.Report($"checking {source.Id}");
            paths[source.Id] = (await fetcher.FetchAsync(source, fetchProgress, cancellationToken)).CachedPath;
        }

        stage?.Report("importing");
        var reports = new List<SourceReport>();
        var results = new Dictionary<string, List<object>>();
        var keepUnitAddressLinks = manifest.Sources.Any(s => s.Importer == BbrUnitsImporter);
        var unitAddressLinks = new UnitAddressLinks();
        var tasks = manifest.Sources.Where(s => s.Importer != SourceImporters.Reference).Select(source => Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var read = SourceImporters.Read(source.Importer, paths[source.Id], source.Id, keepUnitAddressLinks: keepUnitAddressLinks);
            return (source, new SourceReport(source.Id, read.Records, read.Issues, clock.Elapsed), read);
        }, cancellationToken)).ToList();
        foreach (var (source, report, read) in await Task.WhenAll(tasks))
        {
            reports.Add(report);
            (results.TryGetValue(source.Importer, out var list) ? list : results[source.Importer] = []).Add(read.Value);
            if (read.UnitAddressLinks is { } links)
                unitAddressLinks.AddAll(links);
        }

        var municipalities = Get<AdminArea>(results, "dagi-municipalities");
        var population = Get<DstPopulationRow>(results, "dst-population");
        var joined = PopulationJoin.Join(population, municipalities, aliases);
        var populationSource = manifest.Sources.FirstOrDefault(s => s.Importer == "dst-population");
        if (populationSource is not null)
            joined.RecordsOrThrow(populationSource.Id);

        var plants = PlantsOf(results, reports);
        IReadOnlyList<Address> addresses = Get<Address>(results, DarImporter);
        var buildings = Get<Building>(results, "geodanmark-buildings");
        if (manifest.Sources.FirstOrDefault(s => s.Importer == OsmImporter) is { } osm)
        {
            var merged = OsmSourceMerge.Merge(Get<OsmExtract>(results, OsmImporter), osm.Id, Path.GetFileName(paths[osm.Id]), addresses, buildings, plants,
                municipalities, Get<AdminArea>(results, "dagi-postcodes"), joined.Records,
                manifest.Sources.FirstOrDefault(s => s.Importer == DarImporter)?.Id ?? DarImporter);
            (addresses, buildings, plants) = (merged.Addresses, merged.Buildings, merged.Plants);
            AddIssues(reports, OsmImporter, merged.Issues);
        }
        plants = ProjectGrouping.Infer(plants);
        var households = BbrHouseholds.Apply(addresses, Get<BbrUnit>(results, BbrUnitsImporter), unitAddressLinks);
        AddIssues(reports, BbrUnitsImporter, households.Issues);

        return new DataSet
        {
            Plants = plants,
            Addresses = households.Addresses,
            Buildings = buildings,
            Municipalities = municipalities,
            Regions = Get<AdminArea>(results, "dagi-regions"),
            PostCodes = Get<AdminArea>(results, "dagi-postcodes"),
            Population = joined.Records,
            DistrictHeating = Get<DistrictHeatingPlant>(results, "district-heating"),
            NoiseAreas = Get<NoiseAreaPolygon>(results, "noise-sensitive-areas"),
            Firms = Get<Firm>(results, "firms"),
            Version = new DataVersion(VersionOf(manifest), DateTimeOffset.UtcNow),
            Reports = reports.OrderBy(r => r.SourceId, StringComparer.Ordinal).ToList(),
            Attributions = manifest.Attributions(),
        };
    }

    /// <summary>
    /// One plant register: wind from the ENS register, powerplantmatching wind farms the register holds dropped (each
    /// decision a note in that source's report) and the user's permit dates and groupings applied; projects are inferred
    /// (where neither register nor user says) once OpenStreetMap's plants are in.
    /// </summary>
    private IReadOnlyList<Plant> PlantsOf(Dictionary<string, List<object>> results, List<SourceReport> reports)
    {
        var (merged, matches) = WindRegisterMerge.Merge(Get<Plant>(results, "ens-wind-register"), Get<Plant>(results, "powerplantmatching"));
        var ppm = manifest.Sources.FirstOrDefault(s => s.Importer == "powerplantmatching");
        if (ppm is not null && reports.FindIndex(r => r.SourceId == ppm.Id) is var at and >= 0)
        {
            var notes = matches.Select(m => new ImportIssue(ImportIssueSeverity.Note, m.Farm.Origin.File, m.Farm.Origin.Row, "Name", Reason.About(m.Farm.Name ?? "", m.Why)));
            reports[at] = reports[at] with { Issues = [.. reports[at].Issues, .. notes] };
        }
        return PlantsWithUserFiles(merged, results, reports);
    }

    /// <summary>A short, stable id of the data: the hash of every source's checksum, in manifest order.</summary>
    public static string VersionOf(SourceManifest manifest)
    {
        var joined = string.Join('\n', manifest.Sources.Select(s => $"{s.Id}:{s.Sha256}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>The register and other plants with the user's permit dates and project groupings applied; unknown GSRNs go into those files' reports.</summary>
    private List<Plant> PlantsWithUserFiles(IReadOnlyList<Plant> plants, Dictionary<string, List<object>> results, List<SourceReport> reports)
    {
        var applied = UserPlantFiles.Apply(plants, Get<PermitDateRow>(results, "permit-dates"), Get<ProjectGroupingRow>(results, "project-groupings"));
        AddIssues(reports, "permit-dates", applied.PermitDateIssues);
        AddIssues(reports, "project-groupings", applied.GroupingIssues);
        var acoustics = TurbineAcousticsMatch.Apply(applied.Plants, Get<TurbineAcousticsSheet>(results, "turbine-acoustics"));
        AddIssues(reports, "turbine-acoustics", acoustics.Issues);
        return [.. acoustics.Plants];
    }

    /// <summary>Adds the issues to the report of the source read by the importer (an optional source is added at most once).</summary>
    private void AddIssues(List<SourceReport> reports, string importer, IReadOnlyList<ImportIssue> issues)
    {
        if (issues.Count == 0 || manifest.Sources.FirstOrDefault(s => s.Importer == importer) is not { } source)
            return;
        var index = reports.FindIndex(r => r.SourceId == source.Id);
        reports[index] = reports[index] with { Issues = [.. reports[index].Issues, .. issues] };
    }

    /// <summary>The records of every source read by one importer (a manifest may list several editions).</summary>
    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<object>> results, string importer) =>
        results.TryGetValue(importer, out var values) ? values.SelectMany(v => (IReadOnlyList<T>)v).ToList() : [];
}
