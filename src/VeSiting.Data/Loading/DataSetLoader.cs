using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Core.Projects;
using VeSiting.Core.Registers;
using VeSiting.Core.Stores;
using VeSiting.Data.Importers.Dagi;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Importers.Ens;
using VeSiting.Data.Importers.GeoDanmark;
using VeSiting.Data.Importers.Heat;
using VeSiting.Data.Importers.PowerPlantMatching;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>
/// Loads every source of the manifest into a <see cref="DataSet"/>: obtains missing files through the
/// <see cref="DataFetcher"/>, runs each source's importer, and refuses (with <see cref="ImportFailedException"/>)
/// any source whose import reported errors, so a partial result is never presented as complete.
/// </summary>
public sealed class DataSetLoader(SourceManifest manifest, DataFetcher fetcher, MunicipalityNameAliases aliases)
{
    /// <summary>The importer names a manifest may use.</summary>
    public static IReadOnlyList<string> KnownImporters { get; } =
    [
        "ens-wind-register", "powerplantmatching", "dagi-municipalities", "dagi-regions", "dagi-postcodes",
        "dar-addresses", "geodanmark-buildings", "dst-population", "district-heating",
    ];

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
        var tasks = manifest.Sources.Select(source => Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var (records, issues, value) = Import(source, paths[source.Id]);
            return (source, new SourceReport(source.Id, records, issues, clock.Elapsed), value);
        }, cancellationToken)).ToList();
        foreach (var (source, report, value) in await Task.WhenAll(tasks))
        {
            reports.Add(report);
            (results.TryGetValue(source.Importer, out var list) ? list : results[source.Importer] = []).Add(value);
        }

        var municipalities = Get<AdminArea>(results, "dagi-municipalities");
        var population = Get<DstPopulationRow>(results, "dst-population");
        var joined = PopulationJoin.Join(population, municipalities, aliases);
        var populationSource = manifest.Sources.FirstOrDefault(s => s.Importer == "dst-population");
        if (populationSource is not null)
            joined.RecordsOrThrow(populationSource.Id);

        var plants = PlantsOf(results, reports);

        return new DataSet
        {
            Plants = plants,
            Addresses = Get<Address>(results, "dar-addresses"),
            Buildings = Get<Building>(results, "geodanmark-buildings"),
            Municipalities = municipalities,
            Regions = Get<AdminArea>(results, "dagi-regions"),
            PostCodes = Get<AdminArea>(results, "dagi-postcodes"),
            Population = joined.Records,
            DistrictHeating = Get<DistrictHeatingPlant>(results, "district-heating"),
            Version = new DataVersion(VersionOf(manifest), DateTimeOffset.UtcNow),
            Reports = reports.OrderBy(r => r.SourceId, StringComparer.Ordinal).ToList(),
            Attributions = manifest.Attributions(),
        };
    }

    /// <summary>
    /// One plant register: wind from the ENS register, powerplantmatching wind farms the register holds dropped (each
    /// decision a note in that source's report), and every wind turbine given its project (register, user or inferred).
    /// </summary>
    private IReadOnlyList<Plant> PlantsOf(Dictionary<string, List<object>> results, List<SourceReport> reports)
    {
        var (merged, matches) = WindRegisterMerge.Merge(Get<Plant>(results, "ens-wind-register"), Get<Plant>(results, "powerplantmatching"));
        var ppm = manifest.Sources.FirstOrDefault(s => s.Importer == "powerplantmatching");
        if (ppm is not null && reports.FindIndex(r => r.SourceId == ppm.Id) is var at and >= 0)
        {
            var notes = matches.Select(m => new ImportIssue(ImportIssueSeverity.Note, m.Farm.Origin.File, m.Farm.Origin.Row, "Name", $"{m.Farm.Name}: {m.Why}"));
            reports[at] = reports[at] with { Issues = [.. reports[at].Issues, .. notes] };
        }
        return ProjectGrouping.Infer(merged);
    }

    /// <summary>A short, stable id of the data: the hash of every source's checksum, in manifest order.</summary>
    public static string VersionOf(SourceManifest manifest)
    {
        var joined = string.Join('\n', manifest.Sources.Select(s => $"{s.Id}:{s.Sha256}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    private (int Records, IReadOnlyList<ImportIssue> Issues, object Value) Import(SourceEntry source, string path)
    {
        return source.Importer switch
        {
            "ens-wind-register" => Checked(source, new EnsWindRegisterReader().Read(path, source.Id)),
            "powerplantmatching" => Checked(source, new PowerPlantMatchingReader().Read(path, source.Id)),
            "dagi-municipalities" => Checked(source, new DagiAreaReader(AdminAreaKind.Municipality).Read(path, source.Id)),
            "dagi-regions" => Checked(source, new DagiAreaReader(AdminAreaKind.Region).Read(path, source.Id)),
            "dagi-postcodes" => Checked(source, new DagiAreaReader(AdminAreaKind.PostCode).Read(path, source.Id)),
            "dar-addresses" => Checked(source, new DarAddressReader().Read(path, source.Id)),
            "geodanmark-buildings" => Checked(source, new GeoDanmarkBuildingReader().Read(path, source.Id)),
            "dst-population" => Checked(source, new DstPopulationReader().Read(path, source.Id)),
            "district-heating" => Checked(source, new DistrictHeatingReader().Read(path, source.Id)),
            _ => throw new InvalidDataException($"unknown importer '{source.Importer}'"),
        };
    }

    private static (int, IReadOnlyList<ImportIssue>, object) Checked<T>(SourceEntry source, ImportResult<T> result) =>
        (result.RecordsOrThrow(source.Id).Count, result.Issues, result.Records);

    /// <summary>The records of every source read by one importer (a manifest may list several editions).</summary>
    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<object>> results, string importer) =>
        results.TryGetValue(importer, out var values) ? values.SelectMany(v => (IReadOnlyList<T>)v).ToList() : [];
}
