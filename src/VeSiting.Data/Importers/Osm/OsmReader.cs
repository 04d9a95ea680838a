using NetTopologySuite.Index.Strtree;
using OsmSharp;
using OsmSharp.Tags;
using VeSiting.Core.Explanations;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// An OpenStreetMap file (PBF, XML, bzip2 XML or a zip of one XML file; see <see cref="OsmFileForms"/>) read in one
/// streamed pass with OsmSharp:
/// <list type="bullet">
/// <item>addresses: nodes, ways and multipolygon relations with <c>addr:housenumber</c>; a way's or relation's position
/// is its footprint's interior point; street from <c>addr:street</c> (else <c>addr:place</c>), <c>addr:postcode</c>,
/// <c>addr:city</c>, and the DAR access-address id from <c>osak:identifier</c> as the address's id (else <c>osm:node/…</c>);</item>
/// <item>buildings: ways and multipolygons with <c>building=*</c> (not <c>no</c>), the tag's value as type;</item>
/// <item>households from <c>building:flats</c>: on the address's own element, or on the building footprint its node lies in
/// (the flats shared between the address nodes in it, whole numbers, the total kept); else unknown (one per address);</item>
/// <item>plants: <c>power=generator|plant</c> with <c>generator:source</c>/<c>plant:source</c> wind or solar (solar only
/// where it makes electricity), <c>dk:esid</c> as the GSRN.</item>
/// </list>
/// A file that breaks off or is corrupt fails the import naming the file, the last element read whole and the byte where
/// reading stopped (the PBF block).
/// </summary>
public sealed class OsmReader
{
    private const int ProgressEvery = 100_000;
    private const int ShapeThreads = 2;
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    /// <summary>
    /// Reads the file. With <paramref name="spillFolder"/>, the records are written to a file there as they are taken
    /// and read back once the node positions are given back (<see cref="OsmRecordSpill"/>), so the two are never held
    /// at once; the records are the same either way.
    /// </summary>
    public ImportResult<OsmExtract> Read(string path, string sourceId, IProgress<double>? progress = null, string? spillFolder = null) =>
        Read(path, sourceId, progress, spillFolder, null, null);

    /// <summary>
    /// Reads the file; records spilled to <paramref name="spillFolder"/> are placed among the areas of
    /// <paramref name="placeAmong"/> (the municipalities of edition <paramref name="boundaries"/>, see
    /// <see cref="OsmPlacement.KeyOf"/>) as they are read back; records held in memory are left unplaced.
    /// </summary>
    internal ImportResult<OsmExtract> Read(string path, string sourceId, IProgress<double>? progress, string? spillFolder, AreaGrid? placeAmong, string? boundaries)
    {
        var file = Path.GetFileName(path);
        OsmFileForms.OpenedFile opened;
        try
        {
            opened = OsmFileForms.Open(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ImportFailedException(sourceId, file, e.Message, e);
        }
        using (opened)
        using (var spill = OsmRecordSpill.In(spillFolder, sourceId, file))
        {
            var pass = new Pass(file, sourceId, spill, placeAmong, boundaries);
            var ordinal = opened.Pbf is { } pbf ? ReadPbf(pbf, opened, pass, file, sourceId, progress) : ReadXml(opened, pass, file, sourceId, progress);
            if (ordinal == 0)
                throw new ImportFailedException(sourceId, file, $"the OpenStreetMap {OsmFileForms.Describe(opened.Form)} file holds no elements");
            progress?.Report(1);
            return pass.Result();
        }
    }

    private static int ReadXml(OsmFileForms.OpenedFile opened, Pass pass, string file, string sourceId, IProgress<double>? progress)
    {
        var ordinal = 0;
        var last = "the file's start";
        try
        {
            foreach (var element in opened.Source!)
            {
                ordinal++;
                pass.Take(element, ordinal);
                last = $"{Kind(element.Type)}/{element.Id}";
                if (ordinal % ProgressEvery == 0 && opened.Length > 0)
                    progress?.Report(Math.Min(1, (double)opened.Position / opened.Length));
            }
        }
        catch (OutOfMemoryException e)
        {
            throw OutOfMemory(sourceId, file, ordinal, last, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ImportFailedException)
        {
            throw new ImportFailedException(sourceId, file,
                $"the OpenStreetMap {OsmFileForms.Describe(opened.Form)} data breaks off or is corrupt after element {ordinal:N0} ({last}), at byte {opened.Position:N0} of {opened.Length:N0}: {e.Message}", e);
        }
        return ordinal;
    }

    /// <summary>Memory, not the file, ran out: said so, so that a sound file is not called corrupt.</summary>
    private static ImportFailedException OutOfMemory(string sourceId, string file, int ordinal, string last, OutOfMemoryException e) =>
        new(sourceId, file, $"the process ran out of memory after element {ordinal:N0} ({last}); the file itself was read without fault so far (give the process more memory, or add an extract of fewer regions)", e);

    /// <summary>PBF: blocks decoded in parallel, taken in file order; untagged nodes go straight to the node store.</summary>
    private static int ReadPbf(Pbf.PbfFile pbf, OsmFileForms.OpenedFile opened, Pass pass, string file, string sourceId, IProgress<double>? progress)
    {
        var ordinal = 0;
        var last = "the file's start";
        var logged = 0;
        try
        {
            foreach (var block in pbf.Blocks())
            {
                foreach (var group in block.Groups)
                {
                    if (group.Nodes is { } nodes)
                    {
                        for (var i = 0; i < nodes.Count; i++)
                            pass.TakeNode(nodes.Ids[i], nodes.Lons[i], nodes.Lats[i], nodes.Tags?[i], ++ordinal);
                        if (nodes.Count > 0)
                            last = $"node/{nodes.Ids[^1]}";
                    }
                    if (group.Elements is { } elements)
                    {
                        var shapes = pass.WayShapes(elements);
                        for (var i = 0; i < elements.Count; i++)
                        {
                            pass.Take(elements[i], ++ordinal, shapes[i]);
                            last = $"{Kind(elements[i].Type)}/{elements[i].Id}";
                        }
                    }
                }
                if (opened.Length > 0)
                    progress?.Report(Math.Min(1, (double)block.End / opened.Length));
                if (opened.Length > 0 && block.End * 10 / opened.Length > logged)
                {
                    logged = (int)(block.End * 10 / opened.Length);
                    OsmMemoryLog.Step($"read {logged * 10} % of the file ({last}) {pass.Sizes}");
                }
            }
        }
        catch (OutOfMemoryException e)
        {
            throw OutOfMemory(sourceId, file, ordinal, last, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ImportFailedException)
        {
            var where = e is Pbf.PbfBlockException ? "in " + e.Message : $"{e.Message}";
            throw new ImportFailedException(sourceId, file,
                $"the OpenStreetMap PBF data breaks off or is corrupt after element {ordinal:N0} ({last}), {where} (the file has {opened.Length:N0} bytes)", e);
        }
        return ordinal;
    }

    internal static string Kind(OsmGeoType? type) => type switch
    {
        OsmGeoType.Node => "node",
        OsmGeoType.Way => "way",
        OsmGeoType.Relation => "relation",
        _ => "element",
    };

    /// <summary>
    /// A way's shape in EPSG:25832: its footprint where it is a ring, the shape (footprint or line) and an interior
    /// point; all null when the file does not hold all its nodes.
    /// </summary>
    private sealed record WayShape(Geometry? Footprint, Geometry? Shape, Point? Interior);

    /// <summary>The state of one pass over a file.</summary>
    private sealed class Pass(string file, string sourceId, OsmRecordSpill records, AreaGrid? placeAmong, string? boundaries)
    {
        // What only the pass needs (given back before the records are read back from the spill).
        private NodeLocations _nodes = new();
        private WayNodeLists _memberWays = new();
        // DAR ids as text; the other addresses' ids by their element (a number a node: text would take about 80 bytes an address).
        private HashSet<string> _darAddressIds = new(StringComparer.Ordinal);
        private HashSet<long> _elementAddressIds = [];
        /// <summary>The address nodes without building:flats of their own (their positions are the addresses'), by their number among the addresses.</summary>
        private readonly List<int> _nodeAddresses = [];
        private readonly List<(Geometry Footprint, int Flats)> _buildingsWithFlats = [];
        private readonly OsmIssueTally _issues = new(file);
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly NodeLocations.Hint _hint = new();
        private bool _nodesSealed;

        public string Sizes => $"[{_nodes.Count:N0} nodes, {_memberWays.Count:N0} member ways, {records.Addresses:N0} addresses, {records.Buildings:N0} buildings, {records.Plants:N0} plants]";

        /// <summary>An element; a way's shape as <see cref="WayShapes"/> made it, else made here.</summary>
        public void Take(OsmGeo element, int ordinal, WayShape? shape = null)
        {
            switch (element)
            {
                case Node { Id: { } id, Longitude: { } lon, Latitude: { } lat } node:
                    TakeNode(id, (int)Math.Round(lon * NodeLocations.Scale), (int)Math.Round(lat * NodeLocations.Scale), node.Tags, ordinal);
                    break;
                case Way way:
                    SealNodes();
                    TakeWay(way, ordinal, shape ?? ShapeOf(way, _hint));
                    break;
                case Relation relation:
                    SealNodes();
                    TakeRelation(relation, ordinal);
                    break;
            }
        }

        /// <summary>
        /// The shapes of a block's ways (node positions looked up, projected, footprints made and repaired, interior
        /// points found), made on two threads: the expensive part of a way, and independent of every other way once
        /// the nodes are all read. Null for relations and for ways VeSiting does not take.
        /// </summary>
        public WayShape?[] WayShapes(IReadOnlyList<OsmGeo> elements)
        {
            var shapes = new WayShape?[elements.Count];
            if (!elements.Any(e => e is Way))
                return shapes;
            SealNodes();
            Parallel.For(0, elements.Count, new ParallelOptions { MaxDegreeOfParallelism = ShapeThreads }, () => new NodeLocations.Hint(),
                (i, _, hint) =>
                {
                    if (elements[i] is Way way)
                        shapes[i] = ShapeOf(way, hint);
                    return hint;
                },
                _ => { });
            return shapes;
        }

        private WayShape? ShapeOf(Way way, NodeLocations.Hint hint)
        {
            if (way.Nodes is not { } refs || !Wanted(way.Tags))
                return null;
            if (Coordinates(refs, hint) is not { } coordinates)
                return new WayShape(null, null, null);
            var footprint = OsmPolygons.FromRing(coordinates);
            Geometry shape = footprint ?? Utm.CreateLineString(coordinates);
            return new WayShape(footprint, shape, shape.InteriorPoint);
        }

        private static bool Wanted(TagsCollectionBase? tags) =>
            tags is not null && (tags.ContainsKey("addr:housenumber") || IsBuilding(tags) || IsPower(tags));

        private void SealNodes()
        {
            if (_nodesSealed)
                return;
            OsmMemoryLog.Step($"nodes read {Sizes}");
            _nodes.Seal();
            _nodesSealed = true;
        }

        /// <summary>A node, its position in whole 100-nanodegree units.</summary>
        public void TakeNode(long id, int lon7, int lat7, TagsCollectionBase? tags, int ordinal)
        {
            _nodes.Add(id, lon7, lat7);
            if (tags is null || tags.Count == 0)
                return;
            var (lon, lat) = (lon7 / NodeLocations.Scale, lat7 / NodeLocations.Scale);
            var element = $"node/{id}";
            var interesting = tags.ContainsKey("addr:housenumber") || IsPower(tags);
            if (!interesting)
                return;
            if (!DenmarkExtent.ContainsLonLat(lon, lat))
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.outside-extent", ("extent", DenmarkExtent.DescribeLonLat)), ordinal, element);
                return;
            }
            var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
            var point = Utm.CreatePoint(new Coordinate(e, n));
            if (tags.ContainsKey("addr:housenumber") && AddAddress(tags, point, ordinal, element) is { } index && OsmTagValues.PositiveWhole(tags, "building:flats") is null)
                _nodeAddresses.Add(index);
            TakePlant(tags, point, ordinal, element);
        }

        private void TakeWay(Way way, int ordinal, WayShape? shape)
        {
            if (way.Id is not { } id || way.Nodes is not { } refs)
                return;
            var tags = way.Tags;
            if (tags is null || tags.Count == 0 || IsBuilding(tags))
                _memberWays.Add(id, refs);
            if (!Wanted(tags) || shape is null)
                return;
            var element = $"way/{id}";
            if (shape.Shape is null)
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-way-cut"), ordinal, element);
                return;
            }
            TakeShape(tags!, shape.Footprint, shape.Shape, ordinal, element, shape.Interior);
        }

        private void TakeRelation(Relation relation, int ordinal)
        {
            var tags = relation.Tags;
            if (relation.Id is not { } id || tags is null || OsmTagValues.Text(tags, "type") != "multipolygon")
                return;
            if (!(tags.ContainsKey("addr:housenumber") || IsBuilding(tags) || IsPower(tags)))
                return;
            var element = $"relation/{id}";
            var outer = new List<Coordinate[]>();
            var inner = new List<Coordinate[]>();
            foreach (var member in relation.Members ?? [])
            {
                if (member.Type != OsmGeoType.Way)
                    continue;
                if (!_memberWays.TryGet(member.Id, out var refs) || Coordinates(refs, _hint) is not { } line)
                {
                    _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-multipolygon-cut"), ordinal, element);
                    return;
                }
                (member.Role == "inner" ? inner : outer).Add(line);
            }
            Geometry? footprint;
            try
            {
                footprint = OsmPolygons.FromMembers(outer, inner);
            }
            catch (Exception e) when (e is ArgumentException or NetTopologySuite.Geometries.TopologyException)
            {
                footprint = null;
            }
            if (footprint is null)
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-multipolygon-open"), ordinal, element);
                return;
            }
            TakeShape(tags, footprint, footprint, ordinal, element);
        }

        /// <summary>A way's or multipolygon's address (at the interior point), building and plant.</summary>
        private void TakeShape(TagsCollectionBase tags, Geometry? footprint, Geometry shape, int ordinal, string element, Point? interior = null)
        {
            var at = interior ?? shape.InteriorPoint;
            if (at.IsEmpty || !DenmarkExtent.ContainsUtm32(at.X, at.Y))
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.outside-extent", ("extent", DenmarkExtent.DescribeUtm32)), ordinal, element);
                return;
            }
            var position = Utm.CreatePoint(at.Coordinate);
            if (tags.ContainsKey("addr:housenumber"))
                AddAddress(tags, position, ordinal, element);
            if (IsBuilding(tags))
            {
                if (footprint is null)
                    _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-building-open"), ordinal, element);
                else
                {
                    records.AddBuilding(Pooled(OsmTagValues.Text(tags, "building")!), footprint, ordinal, element);
                    if (OsmTagValues.PositiveWhole(tags, "building:flats") is { } flats && !tags.ContainsKey("addr:housenumber"))
                        _buildingsWithFlats.Add((footprint, flats));
                }
            }
            TakePlant(tags, footprint ?? (Geometry)position, ordinal, element);
        }

        private int? AddAddress(TagsCollectionBase tags, Point position, int ordinal, string element)
        {
            var street = OsmTagValues.Text(tags, "addr:street") ?? OsmTagValues.Text(tags, "addr:place");
            if (street is null)
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-no-street"), ordinal, element);
                return null;
            }
            var darId = OsmTagValues.Text(tags, "osak:identifier")?.ToLowerInvariant();
            if (!(darId is not null ? _darAddressIds.Add(darId) : _elementAddressIds.Add(ElementKey(element))))
            {
                _issues.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-osak-twice"), ordinal, element);
                return null;
            }
            var postcode = OsmTagValues.Text(tags, "addr:postcode") is { } p && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
            var flats = OsmTagValues.PositiveWhole(tags, "building:flats");
            records.AddAddress(darId, Pooled(street), Pooled(OsmTagValues.Text(tags, "addr:housenumber")!), postcode, Pooled(OsmTagValues.Text(tags, "addr:city") ?? ""),
                position.X, position.Y, flats, ordinal, element);
            return records.Addresses - 1;
        }

        /// <summary>An element (<c>node/123</c>, <c>way/5</c>, <c>relation/7</c>) as one number: its id and its kind.</summary>
        private static long ElementKey(string element)
        {
            var slash = element.IndexOf('/', StringComparison.Ordinal);
            var kind = element[0] switch { 'n' => 0, 'w' => 1, _ => 2 };
            return long.Parse(element.AsSpan(slash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) * 4 + kind;
        }

        private void TakePlant(TagsCollectionBase tags, Geometry geometry, int ordinal, string element)
        {
            if (!IsPower(tags))
                return;
            var plant = OsmTagValues.Text(tags, "power") == "plant";
            var source = OsmTagValues.Text(tags, plant ? "plant:source" : "generator:source");
            var output = plant ? "plant:output:electricity" : "generator:output:electricity";
            if (source == "solar" && OsmTagValues.Text(tags, output) == "no")
            {
                _issues.Add(ImportIssueSeverity.Note, Reason.Of(plant ? "import.osm-solar-heat-plant" : "import.osm-solar-heat-generator", ("tag", output)), ordinal, element);
                return;
            }
            records.AddPlant(new OsmPlant(element, source == "wind" ? PlantKind.WindTurbine : PlantKind.SolarPark, OsmTagValues.Text(tags, "dk:esid"), geometry,
                new RecordOrigin(sourceId, file, ordinal, element))
            {
                IsPowerPlant = plant,
                Name = OsmTagValues.Text(tags, "name"),
                CapacityKw = OsmTagValues.Kilowatts(tags, output),
                HubHeightM = OsmTagValues.Metres(tags, "height"),
                RotorDiameterM = OsmTagValues.Metres(tags, "rotor:diameter"),
            });
        }

        private static bool IsBuilding(TagsCollectionBase tags) => OsmTagValues.Text(tags, "building") is { } b && b != "no";

        private static bool IsPower(TagsCollectionBase tags) => OsmTagValues.Text(tags, "power") switch
        {
            "generator" => OsmTagValues.Text(tags, "generator:source") is "wind" or "solar",
            "plant" => OsmTagValues.Text(tags, "plant:source") is "wind" or "solar",
            _ => false,
        };

        private Coordinate[]? Coordinates(long[] refs, NodeLocations.Hint hint)
        {
            var coordinates = new Coordinate[refs.Length];
            for (var i = 0; i < refs.Length; i++)
            {
                if (!_nodes.TryGet(refs[i], hint, out var lon, out var lat))
                    return null;
                var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon, lat);
                coordinates[i] = new Coordinate(e, n);
            }
            return coordinates;
        }

        private string Pooled(string text)
        {
            if (_names.TryGetValue(text, out var pooled))
                return pooled;
            _names[text] = text;
            return text;
        }

        /// <summary>
        /// The extract, with the flats of building footprints given to the address nodes inside them: shared equally in
        /// whole numbers (the first addresses in file order take the remainder), so the building's total is kept.
        /// </summary>
        public ImportResult<OsmExtract> Result()
        {
            // The node positions (about 600 MB with the national file) and the other state of the pass are given back
            // before the records (about 1 GB) are read back from the spill, so the peak does not hold both.
            (_nodes, _memberWays, _darAddressIds, _elementAddressIds) = (new(), new(), [], []);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            OsmMemoryLog.Step("pass state given back");
            var (addresses, buildings, plants, how, codes) = records.ReadBack(placeAmong);
            OsmMemoryLog.Step("records read back");
            if (_buildingsWithFlats.Count > 0 && _nodeAddresses.Count > 0)
            {
                var index = new STRtree<int>();
                for (var i = 0; i < _buildingsWithFlats.Count; i++)
                    index.Insert(_buildingsWithFlats[i].Footprint.EnvelopeInternal, i);
                var inBuilding = new Dictionary<int, List<int>>();
                foreach (var address in _nodeAddresses)
                {
                    var position = addresses[address].Position;
                    foreach (var b in index.Query(position.EnvelopeInternal))
                    {
                        if (!_buildingsWithFlats[b].Footprint.Covers(position))
                            continue;
                        (inBuilding.TryGetValue(b, out var list) ? list : inBuilding[b] = []).Add(address);
                        break;
                    }
                }
                foreach (var (b, inside) in inBuilding)
                {
                    var flats = _buildingsWithFlats[b].Flats;
                    for (var i = 0; i < inside.Count; i++)
                    {
                        var share = flats / inside.Count + (i < flats % inside.Count ? 1 : 0);
                        addresses[inside[i]] = addresses[inside[i]] with { Households = share, HouseholdsFromBuildingFlats = true };
                    }
                }
            }
            var placement = how is not null && boundaries is not null ? new OsmPlacement(boundaries, how, codes!) : null;
            return new ImportResult<OsmExtract>([new OsmExtract(addresses, buildings, plants) { Placement = placement }], _issues.Issues);
        }
    }
}
