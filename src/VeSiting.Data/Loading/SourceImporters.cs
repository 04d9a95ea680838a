using VeSiting.Core.Noise;
using VeSiting.Core.Rules;
using VeSiting.Data.Importers.Bbr;
using VeSiting.Data.Importers.Dagi;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Importers.Ens;
using VeSiting.Data.Importers.GeoDanmark;
using VeSiting.Data.Importers.Heat;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Importers.PowerPlantMatching;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Rules;

namespace VeSiting.Data.Loading;

/// <summary>What one importer read from one file: the record count, the issues and the records (typed per importer).</summary>
public sealed record SourceRead(int Records, IReadOnlyList<ImportIssue> Issues, object Value)
{
    /// <summary>Address sources read with unit address links kept: unit address id → access address id (for BBR units).</summary>
    public UnitAddressLinks? UnitAddressLinks { get; init; }
}

/// <summary>The importers a manifest (or an added file) may name, and running one on a file.</summary>
public static class SourceImporters
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "ens-wind-register", "powerplantmatching", "dagi-municipalities", "dagi-regions", "dagi-postcodes",
        "dar-addresses", "geodanmark-buildings", "dst-population", "district-heating", "permit-dates", "project-groupings", "bbr-units", "osm",
        "turbine-acoustics", "noise-sensitive-areas", "firms",
        Reference,
    ];

    /// <summary>A reference file: obtained and checksummed like every source, read by committed scripts (e.g. the sound power fit), not loaded.</summary>
    public const string Reference = "reference";

    /// <summary>
    /// Reads the file with the importer; throws <see cref="ImportFailedException"/> (file, sheet, row, column) when it has errors.
    /// Importers of large files (addresses) report the share of the file read (0–1) to <paramref name="progress"/>.
    /// With <paramref name="keepUnitAddressLinks"/>, an address source also gives its unit address links (for BBR units).
    /// Turbine acoustics are checked against the plausible range of <paramref name="rules"/> (by default the project's rules,
    /// see <see cref="ProjectRules"/>) in force on <paramref name="judgedOn"/> (by default today on the system clock).
    /// Given <paramref name="municipalities"/>, an OpenStreetMap file's addresses and footprints are placed among them (and
    /// the placement kept in its extract cache).
    /// </summary>
    public static SourceRead Read(string importer, string path, string sourceId, IProgress<double>? progress = null, bool keepUnitAddressLinks = false, RuleBook? rules = null, IReadOnlyList<AdminArea>? municipalities = null, DateOnly? judgedOn = null) => importer switch
    {
        "dar-addresses" when keepUnitAddressLinks => WithLinks(sourceId, path, progress),
        "ens-wind-register" => Checked(sourceId, new EnsWindRegisterReader().Read(path, sourceId)),
        "powerplantmatching" => Checked(sourceId, new PowerPlantMatchingReader().Read(path, sourceId)),
        "dagi-municipalities" => Checked(sourceId, new DagiAreaReader(AdminAreaKind.Municipality).Read(path, sourceId)),
        "dagi-regions" => Checked(sourceId, new DagiAreaReader(AdminAreaKind.Region).Read(path, sourceId)),
        "dagi-postcodes" => Checked(sourceId, new DagiAreaReader(AdminAreaKind.PostCode).Read(path, sourceId)),
        "dar-addresses" => Checked(sourceId, new DarAddressReader().Read(path, sourceId, progress)),
        "geodanmark-buildings" => Checked(sourceId, new GeoDanmarkBuildingReader().Read(path, sourceId)),
        "dst-population" => Checked(sourceId, new DstPopulationReader().Read(path, sourceId)),
        "district-heating" => Checked(sourceId, new DistrictHeatingReader().Read(path, sourceId)),
        "permit-dates" => Checked(sourceId, new PermitDateReader().Read(path, sourceId)),
        "project-groupings" => Checked(sourceId, new ProjectGroupingReader().Read(path, sourceId)),
        "bbr-units" => Checked(sourceId, new BbrUnitReader().Read(path, sourceId)),
        "turbine-acoustics" => Checked(sourceId, new TurbineAcousticsReader(AcousticsRange.From(rules ?? ProjectRules.Load().Rules, judgedOn ?? TimeProvider.System.Today())).Read(path, sourceId)),
        "noise-sensitive-areas" => Checked(sourceId, new NoiseAreaReader().Read(path, sourceId)),
        "firms" => Checked(sourceId, new FirmReader().Read(path, sourceId)),
        "osm" => Osm(sourceId, OsmExtractCache.ReadOrDecode(path, sourceId, progress, municipalities)),
        Reference => new SourceRead(0, [], Array.Empty<object>()),
        _ => throw new InvalidDataException($"unknown importer '{importer}'; known: {string.Join(", ", Known)}"),
    };

    private static SourceRead WithLinks(string sourceId, string path, IProgress<double>? progress)
    {
        var links = new UnitAddressLinks();
        return Checked(sourceId, new DarAddressReader().Read(path, sourceId, progress, links)) with { UnitAddressLinks = links };
    }

    /// <summary>An OSM file's record count is its addresses, buildings and plants together.</summary>
    private static SourceRead Osm(string sourceId, ImportResult<OsmExtract> result)
    {
        var extracts = result.RecordsOrThrow(sourceId);
        return new SourceRead(extracts.Sum(e => e.Addresses.Count + e.Buildings.Count + e.Plants.Count), result.Issues, extracts);
    }

    private static SourceRead Checked<T>(string sourceId, ImportResult<T> result) =>
        new(result.RecordsOrThrow(sourceId).Count, result.Issues, result.Records);
}
