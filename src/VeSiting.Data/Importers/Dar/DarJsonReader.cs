using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// Datafordeleren's DAR bulk download (one JSON object of entity lists), streamed token by token in one pass: access
/// addresses are the current <c>HusnummerList</c> items in use, positioned by their <c>adgangspunkt</c> in
/// <c>AdressepunktList</c> (<c>position</c>, WKT in EPSG:25832), named by <c>navngivenVej</c> (<c>NavngivenVejList</c>
/// <c>vejnavn</c>, municipality from <c>NavngivenVejKommunedelList</c> <c>kommune</c>) and <c>postnummer</c>
/// (<c>PostnummerList</c> <c>postnr</c>, <c>navn</c>); the current <c>AdresseList</c> units in use that name a
/// <c>husnummer</c> are its households. Current means neither <c>registreringTil</c> nor <c>virkningTil</c> is set; in use
/// means DAR status 2 (preliminary) or 3 (in force); 4 (retired) and 5 (abandoned) are skipped with a note of why.
/// Issues name the list as the sheet and the item's place in it as the row.
/// </summary>
public sealed class DarJsonReader
{
    private const string Houses = "HusnummerList", Points = "AdressepunktList", Roads = "NavngivenVejList", RoadMunicipalities = "NavngivenVejKommunedelList",
        PostCodes = "PostnummerList", Units = "AdresseList";
    private const string Id = "id_lokalId", Status = "status", RegisteredTo = "registreringTil", EffectiveTo = "virkningTil";
    private const string Position = "position", HouseNumber = "husnummertekst", AccessPoint = "adgangspunkt", Road = "navngivenVej", PostCode = "postnummer",
        RoadName = "vejnavn", Municipality = "kommune", PostCodeNumber = "postnr", PostCodeName = "navn", House = "husnummer";
    private static readonly string[] Lists = [Houses, Points, Roads, RoadMunicipalities, PostCodes, Units];
    private static readonly string[] Fields = [Id, Status, RegisteredTo, EffectiveTo, Position, HouseNumber, AccessPoint, Road, PostCode, RoadName, Municipality, PostCodeNumber, PostCodeName, House];
    private const int ProgressEvery = 50_000;

    /// <summary>True when the file's first non-blank character opens a JSON object (the bulk download), not a CSV header.</summary>
    public static bool IsJson(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[64];
        var read = stream.Read(head);
        foreach (var b in head[..read])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
                continue;
            return b == (byte)'{';
        }
        return false;
    }

    /// <summary>Reads the bulk download; <paramref name="unitAddressLinks"/>, when given, is filled with each current unit address in use (<c>AdresseList</c> id) and the access address (husnummer) it belongs to, for BBR units.</summary>
    public ImportResult<Address> Read(string path, string sourceId, IProgress<double>? progress = null, UnitAddressLinks? unitAddressLinks = null)
    {
        var file = Path.GetFileName(path);
        var data = new Entities(unitAddressLinks);
        var issues = new List<ImportIssue>();
        var length = new FileInfo(path).Length;
        var seen = 0;
        BulkJsonLists.Read(path, sourceId, "DAR bulk download", Lists, Fields, (list, item, fields, position) =>
        {
            data.Add(list, item, fields);
            if (++seen % ProgressEvery == 0)
                progress?.Report(length == 0 ? 1 : (double)position / length);
        });
        if (data.Houses.Count == 0)
            throw new ImportFailedException(sourceId, file, $"no current {Houses} items: not a DAR bulk download with access addresses (husnumre)");

        var addresses = new List<Address>();
        var ambiguousRoads = 0;
        foreach (var h in data.Houses)
        {
            var before = issues.Count;
            void Error(string column, Reason reason) => issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, h.Item, column, reason, Houses));
            if (!InUse(h.Status))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, file, h.Item, Status, Reason.Of("import.dar-json-retired", ("status", h.Status ?? "")), Houses));
                continue;
            }
            if (string.IsNullOrWhiteSpace(h.Id))
                Error(Id, Reason.Of("import.missing"));
            if (string.IsNullOrWhiteSpace(h.Number))
                Error(HouseNumber, Reason.Of("import.missing"));
            (double E, double N) point = default;
            if (h.AccessPoint is null || !data.Points.TryGetValue(h.AccessPoint, out point))
                Error(AccessPoint, h.AccessPoint is null ? Reason.Of("import.missing") : NotCurrent(h.AccessPoint, Points));
            else if (!DenmarkExtent.ContainsUtm32(point.E, point.N))
                Error(AccessPoint, Reason.Of("import.point-outside-extent", ("x", point.E.ToString(CultureInfo.InvariantCulture)), ("y", point.N.ToString(CultureInfo.InvariantCulture)), ("extent", DenmarkExtent.DescribeUtm32)));
            var street = h.Road is null ? null : data.Roads.GetValueOrDefault(h.Road);
            var municipalities = h.Road is null ? null : data.RoadMunicipalities.GetValueOrDefault(h.Road);
            if (street is null || municipalities is null)
                Error(Road, h.Road is null ? Reason.Of("import.dar-road-missing") : Reason.Of("import.dar-not-current-road", ("id", h.Road), ("list", Roads), ("municipalities", RoadMunicipalities)));
            (int Number, string Name) post = default;
            if (h.PostCode is null || !data.PostCodes.TryGetValue(h.PostCode, out post))
                Error(PostCode, h.PostCode is null ? Reason.Of("import.missing") : NotCurrent(h.PostCode, PostCodes));
            if (issues.Count > before)
                continue;
            if (municipalities!.Distinct().Count() > 1)
                ambiguousRoads++;
            addresses.Add(new Address
            {
                Id = h.Id!,
                MunicipalityCode = municipalities!.Min(),
                StreetName = street!,
                HouseNumber = h.Number!,
                PostCode = post.Number,
                PostCodeName = post.Name!,
                Position = GeometryTransforms.Utm32Point(point.E, point.N),
                Origin = new RecordOrigin(sourceId, file, h.Item, Houses),
                Households = data.HasUnits && data.UnitsPerHouse.TryGetValue(h.Id!, out var units) ? units : null,
            });
        }
        if (ambiguousRoads > 0)
            issues.Add(new ImportIssue(ImportIssueSeverity.Note, file, null, Road, Reason.Of("import.dar-roads-ambiguous", ("count", ambiguousRoads)), RoadMunicipalities));
        issues.AddRange(data.Issues(file));
        progress?.Report(1);
        return new ImportResult<Address>(addresses, issues);
    }

    private static Reason NotCurrent(string id, string list) => Reason.Of("import.dar-not-current", ("id", id), ("list", list));

    /// <summary>DAR lifecycle: 2 preliminary and 3 in force are in use; 4 retired and 5 abandoned are not.</summary>
    private static bool InUse(string? status) => status is "2" or "3";

    private sealed record HouseItem(int Item, string? Id, string? Status, string? Number, string? AccessPoint, string? Road, string? PostCode);

    /// <summary>What the lists hold that the join needs: current versions only.</summary>
    private sealed class Entities(UnitAddressLinks? unitAddressLinks)
    {
        private readonly List<(string List, int Item, string Column, Reason Reason)> _issues = [];
        public List<HouseItem> Houses { get; } = [];
        public Dictionary<string, (double E, double N)> Points { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Roads { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<int>> RoadMunicipalities { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (int Number, string Name)> PostCodes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> UnitsPerHouse { get; } = new(StringComparer.Ordinal);
        public bool HasUnits { get; private set; }

        public void Add(string list, int item, Dictionary<string, string?> f)
        {
            if (f.GetValueOrDefault(RegisteredTo) is not null || f.GetValueOrDefault(EffectiveTo) is not null)
                return;
            string? Get(string name) => f.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var id = Get(Id);
            switch (list)
            {
                case DarJsonReader.Houses:
                    Houses.Add(new HouseItem(item, id, Get(Status), Get(HouseNumber), Get(AccessPoint), Get(Road), Get(PostCode)));
                    break;
                case DarJsonReader.Points when id is not null:
                    if (Wkt(Get(Position)) is { } point)
                        Points[id] = point;
                    else
                        _issues.Add((list, item, Position, Reason.Of("import.dar-not-point", ("value", Get(Position) ?? ""))));
                    break;
                case DarJsonReader.Roads when id is not null && Get(RoadName) is { } name:
                    Roads[id] = name;
                    break;
                case DarJsonReader.RoadMunicipalities when Get(Road) is { } road:
                    if (int.TryParse(Get(Municipality), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                        (RoadMunicipalities.TryGetValue(road, out var codes) ? codes : RoadMunicipalities[road] = []).Add(code);
                    else
                        _issues.Add((list, item, Municipality, Reason.Of("import.not-municipality-code", ("value", Get(Municipality) ?? ""))));
                    break;
                case DarJsonReader.PostCodes when id is not null:
                    if (int.TryParse(Get(PostCodeNumber), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Get(PostCodeName) is { } postName)
                        PostCodes[id] = (number, postName);
                    else
                        _issues.Add((list, item, PostCodeNumber, Reason.Of("import.dar-not-postcode", ("value", Get(PostCodeNumber) ?? ""), ("name", Get(PostCodeName) ?? ""))));
                    break;
                case DarJsonReader.Units:
                    HasUnits = true;
                    if (InUse(Get(Status)) && Get(House) is { } house)
                    {
                        UnitsPerHouse[house] = UnitsPerHouse.GetValueOrDefault(house) + 1;
                        if (unitAddressLinks is not null && id is not null)
                            unitAddressLinks.Add(id, house);
                    }
                    break;
            }
        }

        /// <summary>Unreadable items of the lookup lists: errors only when an address needs them, so notes here.</summary>
        public IEnumerable<ImportIssue> Issues(string file) =>
            _issues.Select(i => new ImportIssue(ImportIssueSeverity.Note, file, i.Item, i.Column, i.Reason, i.List));

        private static (double, double)? Wkt(string? text)
        {
            if (text is null || !text.StartsWith("POINT", StringComparison.OrdinalIgnoreCase))
                return null;
            var open = text.IndexOf('(');
            var close = text.IndexOf(')');
            if (open < 0 || close < open)
                return null;
            var parts = text[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? (e, n) : null;
        }
    }
}
