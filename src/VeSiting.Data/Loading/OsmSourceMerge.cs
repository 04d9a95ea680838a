using VeSiting.Core.DataCoverage;
using VeSiting.Core.Explanations;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers;
using VeSiting.Data.Importers.Osm;

namespace VeSiting.Data.Loading;

/// <summary>
/// OpenStreetMap next to the official sources, decided per municipality:
/// <list type="bullet">
/// <item>addresses: each OSM address is placed in the municipality whose boundary holds it (the nearest within
/// <see cref="NearestMunicipalityM"/> where a simplified coast leaves it outside every one); DAR's addresses win in every
/// municipality DAR covers (not thin by <see cref="AddressCoverage.IsThin"/>: DAR is authoritative), OSM's where DAR does
/// not and OSM holds more addresses there, DAR's otherwise; a postcode the element lacks comes from the postcode areas;</item>
/// <item>buildings: GeoDanmark's in municipalities where it holds at least as many footprints as OSM, OSM's elsewhere;</item>
/// <item>plants: OSM wind turbines whose <c>dk:esid</c> is a GSRN of the loaded register are the register's (it wins);
/// the others are added as OSM plants (no height unless tagged). Solar <c>power=plant</c> areas are added unless a plant of
/// another source lies within <see cref="SolarMatchM"/>; solar generators (panels, mostly on roofs) are counted only.
/// The report lists the OSM turbines not in the register and the register's turbines in operation in the municipalities
/// the extract covers that OSM lacks.</item>
/// </list>
/// </summary>
internal static class OsmSourceMerge
{
    /// <summary>How far outside the (simplified) municipal boundaries an address is still placed in the nearest municipality.</summary>
    public const double NearestMunicipalityM = OsmPlacement.NearestMunicipalityM;

    /// <summary>An OSM solar park within this distance of another source's plant is taken to be that plant.</summary>
    public const double SolarMatchM = 500;

    public sealed record Result(IReadOnlyList<Address> Addresses, IReadOnlyList<Building> Buildings, IReadOnlyList<Plant> Plants,
        IReadOnlyList<ImportIssue> Issues, IReadOnlyDictionary<int, string> AddressSourceByMunicipality);

    public static Result Merge(IReadOnlyList<OsmExtract> extracts, string osmSourceId, string osmFile, IReadOnlyList<Address> darAddresses,
        IReadOnlyList<Building> officialBuildings, IReadOnlyList<Plant> plants, IReadOnlyList<AdminArea> municipalities,
        IReadOnlyList<AdminArea> postCodes, IReadOnlyList<MunicipalityPopulation> population, string darSourceId)
    {
        var issues = new List<ImportIssue>();
        var municipalityIndex = new AreaIndex(municipalities);
        var byCode = municipalities.Where(m => m.NumericCode is not null).ToDictionary(m => m.NumericCode!.Value);
        var postCodeIndex = new AreaIndex(postCodes);

        extracts = Placed(extracts, municipalities);
        var osmAddresses = PlaceAddresses(extracts, postCodeIndex, osmFile, issues);
        var darCount = darAddresses.GroupBy(a => a.MunicipalityCode).ToDictionary(g => g.Key, g => g.Count());
        var osmCount = osmAddresses.GroupBy(a => a.MunicipalityCode).ToDictionary(g => g.Key, g => g.Count());
        var populationOf = population.ToDictionary(p => p.MunicipalityCode, p => (long?)p.Population);

        var sourceOf = new Dictionary<int, string>();
        foreach (var code in darCount.Keys.Union(osmCount.Keys))
        {
            var dar = darCount.GetValueOrDefault(code);
            var osm = osmCount.GetValueOrDefault(code);
            var darCovers = byCode.TryGetValue(code, out var area) && !new AddressCoverage(area, dar, populationOf.GetValueOrDefault(code)).IsThin;
            sourceOf[code] = darCovers || dar >= osm ? darSourceId : osmSourceId;
        }
        var addresses = new List<Address>(darAddresses.Count + osmAddresses.Count);
        addresses.AddRange(darAddresses.Where(a => sourceOf[a.MunicipalityCode] == darSourceId));
        addresses.AddRange(osmAddresses.Where(a => sourceOf[a.MunicipalityCode] == osmSourceId));
        issues.Add(Note(osmFile, AddressPrecedence(sourceOf, osmCount, darCount, byCode, osmSourceId, darSourceId)));

        var buildings = MergeBuildings(officialBuildings, extracts, municipalityIndex, osmFile, issues);
        var allPlants = MergePlants(plants, extracts.SelectMany(e => e.Plants).ToList(), municipalityIndex,
            osmCount.Where(p => byCode.TryGetValue(p.Key, out var a) && !new AddressCoverage(a, p.Value, populationOf.GetValueOrDefault(p.Key)).IsThin).Select(p => p.Key).ToHashSet(),
            osmFile, issues);
        return new Result(addresses, buildings, allPlants, issues, sourceOf);
    }

    /// <summary>The extracts placed among these municipalities: as cached where the placement was made against them, else placed now.</summary>
    private static IReadOnlyList<OsmExtract> Placed(IReadOnlyList<OsmExtract> extracts, IReadOnlyList<AdminArea> municipalities)
    {
        var boundaries = OsmPlacement.KeyOf(municipalities);
        if (extracts.All(e => OsmPlacement.IsPlaced(e, boundaries)))
            return extracts;
        var grid = new AreaGrid(municipalities);
        return extracts.Select(e => OsmPlacement.IsPlaced(e, boundaries) ? e : OsmPlacement.Place(e, grid, boundaries)).ToList();
    }

    private static List<Address> PlaceAddresses(IReadOnlyList<OsmExtract> extracts, AreaIndex postCodeIndex, string file, List<ImportIssue> issues)
    {
        var placed = new List<Address>(extracts.Sum(e => e.Addresses.Count));
        int nearest = 0, outside = 0;
        Address? firstOutside = null;
        foreach (var extract in extracts)
        {
            var how = extract.Placement!.Addresses;
            for (var i = 0; i < how.Length; i++)
            {
                var address = extract.Addresses[i];
                if ((how[i] & OsmPlacement.PlacedInNearest) != 0)
                    nearest++;
                if ((how[i] & OsmPlacement.Outside) != 0)
                {
                    outside++;
                    firstOutside ??= address;
                    continue;
                }
                if ((address.PostCode == 0 || address.PostCodeName.Length == 0) && postCodeIndex.At(address.Position) is { NumericCode: { } postCode } postArea)
                    address = address with { PostCode = address.PostCode == 0 ? postCode : address.PostCode, PostCodeName = address.PostCodeName.Length == 0 ? postArea.Name : address.PostCodeName };
                placed.Add(address);
            }
        }
        if (nearest > 0)
            issues.Add(Note(file, Reason.Of("import.osm-placed-nearest", ("count", nearest), ("m", NearestMunicipalityM))));
        if (firstOutside is not null)
            issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, file, firstOutside.Origin.Row, firstOutside.Origin.Sheet,
                Reason.Of("import.osm-outside-all", ("count", outside), ("m", NearestMunicipalityM), ("first", firstOutside.Origin.Sheet ?? ""))));
        return placed;
    }

    private static Reason AddressPrecedence(Dictionary<int, string> sourceOf, Dictionary<int, int> osmCount, Dictionary<int, int> darCount,
        Dictionary<int, AdminArea> byCode, string osmSourceId, string darSourceId)
    {
        string Name(int code) => byCode.TryGetValue(code, out var a) ? $"{a.Code} {a.Name}" : code.ToString("0000", CultureInfo.InvariantCulture);
        var osm = sourceOf.Where(p => p.Value == osmSourceId).Select(p => p.Key).Order().ToList();
        var darOverOsm = sourceOf.Where(p => p.Value == darSourceId && osmCount.ContainsKey(p.Key)).Select(p => p.Key).Order().ToList();
        var osmText = osm.Count == 0 ? Reason.Of("import.none")
            : ImportWords.Commas(osm.Select(c => Reason.Of("import.osm-municipality-count", ("municipality", Name(c)), ("count", osmCount[c]))));
        var precedence = Reason.Of("import.osm-address-sources", ("source", osmSourceId), ("count", osm.Count), ("municipalities", osmText));
        return darOverOsm.Count == 0 ? precedence : Reason.Of("import.osm-address-sources-kept", ("first", precedence), ("source", darSourceId),
            ("municipalities", ImportWords.Commas(darOverOsm.Select(c => Against(Name(c), darCount.GetValueOrDefault(c), osmCount[c])))));
    }

    /// <summary>
    /// One footprint source per municipality: GeoDanmark's where it holds at least as many footprints there as OpenStreetMap,
    /// OpenStreetMap's otherwise (a GeoDanmark sample of a few hundred footprints does not hide a municipality's OSM buildings);
    /// footprints outside every municipality are all kept.
    /// </summary>
    private static IReadOnlyList<Building> MergeBuildings(IReadOnlyList<Building> official, IReadOnlyList<OsmExtract> extracts, AreaIndex municipalityIndex, string file, List<ImportIssue> issues)
    {
        var osm = extracts.Count == 1 ? extracts[0].Buildings : extracts.SelectMany(e => e.Buildings).ToList();
        if (osm.Count == 0)
            return official;
        var officialIn = official.Select(b => municipalityIndex.At(b.Footprint.InteriorPoint)?.Code).ToList();
        var osmIn = extracts.Count == 1 ? extracts[0].Placement!.Buildings : extracts.SelectMany(e => e.Placement!.Buildings).ToArray();
        var officialCount = officialIn.OfType<string>().CountBy(c => c).ToDictionary();
        var osmCount = osmIn.OfType<string>().CountBy(c => c).ToDictionary();
        bool OfficialWins(string code) => officialCount.GetValueOrDefault(code) >= osmCount.GetValueOrDefault(code);
        var kept = new List<Building>(official.Count + osm.Count);
        kept.AddRange(official.Where((_, i) => officialIn[i] is not { } code || OfficialWins(code)));
        var officialKept = kept.Count;
        kept.AddRange(osm.Where((_, i) => osmIn[i] is not { } code || !OfficialWins(code)));
        var osmDropped = osm.Count - (kept.Count - officialKept);
        if (osmDropped > 0)
            issues.Add(Note(file, Reason.Of("import.osm-buildings-dropped", ("count", osmDropped))));
        if (officialKept < official.Count)
        {
            var where = officialCount.Keys.Where(c => !OfficialWins(c)).Order(StringComparer.Ordinal).Select(c => Against(c, officialCount[c], osmCount[c]));
            issues.Add(Note(file, Reason.Of("import.osm-geodanmark-aside", ("count", official.Count - officialKept), ("municipalities", ImportWords.Commas(where)))));
        }
        return kept;
    }

    private static IReadOnlyList<Plant> MergePlants(IReadOnlyList<Plant> plants, IReadOnlyList<OsmPlant> osm, AreaIndex municipalityIndex, HashSet<int> coveredMunicipalities,
        string file, List<ImportIssue> issues)
    {
        if (osm.Count == 0 && coveredMunicipalities.Count == 0)
            return plants;
        var register = plants.Where(p => p.Kind == PlantKind.WindTurbine).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var merged = plants.ToList();
        var osmGsrns = new HashSet<string>(StringComparer.Ordinal);
        var notInRegister = new List<Reason>();
        var panels = 0;
        foreach (var p in osm)
        {
            var code = municipalityIndex.At(p.Geometry.InteriorPoint);
            if (p.Kind == PlantKind.WindTurbine)
            {
                if (p.Gsrn is { } gsrn && register.ContainsKey(gsrn))
                {
                    osmGsrns.Add(gsrn);
                    continue;
                }
                notInRegister.Add(p.Gsrn is null ? Reason.Of("import.osm-no-esid", ("element", p.Element)) : Reason.Of("import.osm-esid", ("element", p.Element), ("gsrn", p.Gsrn)));
                merged.Add(ToPlant(p, code));
                continue;
            }
            if (p.IsPowerPlant && p.Geometry is Polygon or MultiPolygon
                && !plants.Any(other => other.Kind == PlantKind.SolarPark && other.Geometry.IsWithinDistance(p.Geometry, SolarMatchM)))
                merged.Add(ToPlant(p, code));
            else
                panels++;
        }
        if (notInRegister.Count > 0)
            issues.Add(Note(file, Reason.Of("import.osm-turbines-not-in-register", ("count", notInRegister.Count), ("turbines", ImportWords.Commas(notInRegister)))));
        var missing = plants.Where(p => p.Kind == PlantKind.WindTurbine && p.Status == PlantStatus.Operating && p.Siting != Siting.Offshore
                && p.MunicipalityCode is { } c && coveredMunicipalities.Contains(c) && !osmGsrns.Contains(p.Id))
            .Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        if (coveredMunicipalities.Count > 0)
            issues.Add(Note(file, missing.Count == 0
                ? Reason.Of("import.osm-register-all-in", ("municipalities", string.Join(", ", coveredMunicipalities.Order().Select(c => c.ToString("0000", CultureInfo.InvariantCulture)))))
                : Reason.Of("import.osm-register-missing", ("count", missing.Count), ("turbines", string.Join(", ", missing)))));
        if (panels > 0)
            issues.Add(Note(file, Reason.Of("import.osm-panels", ("count", panels))));
        return merged;
    }

    private static Plant ToPlant(OsmPlant p, AdminArea? municipality) => new()
    {
        Id = p.Kind == PlantKind.WindTurbine && p.Gsrn is { Length: 18 } gsrn && gsrn.All(char.IsAsciiDigit) ? gsrn : $"osm:{p.Element}",
        Kind = p.Kind,
        Status = PlantStatus.Operating,
        Geometry = p.Geometry,
        Origin = p.Origin,
        Name = p.Name,
        CapacityKw = p.CapacityKw,
        HubHeightM = p.HubHeightM,
        RotorDiameterM = p.RotorDiameterM,
        Siting = municipality is null ? Siting.Unknown : Siting.Onshore,
        MunicipalityCode = municipality?.NumericCode,
        MunicipalityName = municipality?.Name,
    };

    private static ImportIssue Note(string file, Reason reason) => new(ImportIssueSeverity.Note, file, null, null, reason);

    /// <summary>"0741 Samsø (12 against 4,596 in OSM)": a municipality's count of another source against OpenStreetMap's.</summary>
    private static Reason Against(string municipality, int count, int osm) =>
        Reason.Of("import.osm-count-against", ("municipality", municipality), ("count", count), ("osm", osm));
}
