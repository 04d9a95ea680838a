using NetTopologySuite.IO;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// The records of one pass over an OpenStreetMap file as the pass takes them: written to a file (in the folder given,
/// the extract cache's) and read back whole once the pass is done, so that the node positions the pass needs (about
/// 600 MB with the national file) and the records (about 1 GB) are never held at the same time. Without a folder, or
/// where no file can be made in it, the records are made and held in memory. The file is deleted when the spill is
/// disposed.
/// <para>
/// The file holds the fields the pass took (no record objects are made while the pass runs), in segments of about 8 MB
/// that each pool their own strings, so that they are read back on as many threads as there
/// are cores. A record read back is made by the same code as one held in memory, so the two are equal. Given the
/// municipalities, the records are placed among them as they are read back (<see cref="OsmPlacement"/>'s own tests, on
/// the same threads), so no placed copy of the addresses is made after.
/// </para>
/// </summary>
internal sealed class OsmRecordSpill : IDisposable
{
    private const int DefaultSegmentBytes = 8 << 20;
    private const byte AddressKind = 1;
    private const byte BuildingKind = 2;
    private const byte PlantKind = 3;
    private const byte Packed = 2;
    private const byte Wkb = 3;
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    private readonly int _segmentBytes;
    private readonly string _sourceId;
    private readonly string _file;
    private readonly FileStream? _stream;
    private readonly BinaryWriter? _writer;
    private readonly List<Segment> _segments = [];
    private readonly List<Address> _addresses = [];
    private readonly List<Building> _buildings = [];
    private readonly List<OsmPlant> _plants = [];
    private readonly WKBWriter _wkb = new();
    private Segment? _segment;

    private OsmRecordSpill(string sourceId, string file, FileStream? stream, int segmentBytes)
    {
        (_sourceId, _file, _stream, _segmentBytes) = (sourceId, file, stream, segmentBytes);
        if (stream is not null)
            _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>
    /// A spill of the records of <paramref name="file"/> (read as <paramref name="sourceId"/>) to a new file in
    /// <paramref name="folder"/>; held in memory without one or where the folder cannot be written to.
    /// </summary>
    public static OsmRecordSpill In(string? folder, string sourceId, string file, int segmentBytes = DefaultSegmentBytes)
    {
        if (folder is null)
            return new OsmRecordSpill(sourceId, file, null, segmentBytes);
        try
        {
            var path = Path.Combine(folder, $".osm-records.{Guid.NewGuid():N}.spill");
            if (OperatingSystem.IsWindows())
                return new OsmRecordSpill(sourceId, file, new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose), segmentBytes);
            // Unlinked as soon as it is open: the open handle keeps the space until it is closed, and a process that is
            // killed (or runs out of memory) leaves no file behind.
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
            System.IO.File.Delete(path);
            return new OsmRecordSpill(sourceId, file, stream, segmentBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OsmRecordSpill(sourceId, file, null, segmentBytes);
        }
    }

    public int Addresses { get; private set; }
    public int Buildings { get; private set; }
    public int Plants { get; private set; }

    /// <summary>The segments written so far (none when held in memory).</summary>
    public int Segments => _segments.Count;

    /// <summary>An address (municipality 0, placed later) at EPSG:25832 <paramref name="x"/>, <paramref name="y"/>; its id the DAR id, else the element.</summary>
    public void AddAddress(string? darId, string street, string houseNumber, int postCode, string city, double x, double y, int? flats, int ordinal, string element)
    {
        Addresses++;
        if (Next(AddressKind) is not { } s)
        {
            _addresses.Add(MakeAddress(darId, street, houseNumber, postCode, city, x, y, flats, ordinal, element));
            return;
        }
        var w = _writer!;
        w.Write(ordinal);
        w.Write(element);
        w.Write(darId is not null);
        if (darId is not null)
            w.Write(darId);
        s.Pooled(w, street);
        s.Pooled(w, houseNumber);
        w.Write(postCode);
        s.Pooled(w, city);
        w.Write(x);
        w.Write(y);
        w.Write(flats is not null);
        if (flats is { } f)
            w.Write(f);
    }

    /// <summary>A building footprint of the element, its <c>building=*</c> value as type.</summary>
    public void AddBuilding(string type, Geometry footprint, int ordinal, string element)
    {
        Buildings++;
        if (Next(BuildingKind) is not { } s)
        {
            _buildings.Add(MakeBuilding(type, footprint, ordinal, element));
            return;
        }
        var w = _writer!;
        w.Write(ordinal);
        w.Write(element);
        s.Pooled(w, type);
        if (PackedRings.TryPack(footprint) is { } packed)
        {
            w.Write(Packed);
            w.Write(packed.Length);
            foreach (var value in packed)
                w.Write(value);
        }
        else
        {
            var bytes = _wkb.Write(footprint);
            w.Write(Wkb);
            w.Write(bytes.Length);
            w.Write(bytes);
        }
    }

    public void AddPlant(OsmPlant plant)
    {
        Plants++;
        if (Next(PlantKind) is not { } s)
            _plants.Add(plant);
        else
            s.PlantWriter(_writer!).Plant(plant);
    }

    private Address MakeAddress(string? darId, string street, string houseNumber, int postCode, string city, double x, double y, int? flats, int ordinal, string element, int municipalityCode = 0) => new()
    {
        Id = darId ?? $"osm:{element}",
        MunicipalityCode = municipalityCode,
        StreetName = street,
        HouseNumber = houseNumber,
        PostCode = postCode,
        PostCodeName = city,
        Position = Utm.CreatePoint(new Coordinate(x, y)),
        Households = flats,
        HouseholdsFromBuildingFlats = flats is not null,
        Origin = new RecordOrigin(_sourceId, _file, ordinal, element),
    };

    private Building MakeBuilding(string type, Geometry footprint, int ordinal, string element) => new()
    {
        Id = $"osm:{element}",
        BuildingType = type,
        Footprint = footprint,
        Origin = new RecordOrigin(_sourceId, _file, ordinal, element),
    };

    /// <summary>The segment the next record goes to (a new one past the segment size), its kind written; null when held in memory.</summary>
    private Segment? Next(byte kind)
    {
        if (_stream is null)
            return null;
        if (_segment is null || _stream.Position - _segment.Start >= _segmentBytes)
        {
            _segment = new Segment(_stream.Position);
            _segments.Add(_segment);
        }
        _segment.Count(kind);
        _writer!.Write(kind);
        return _segment;
    }

    /// <summary>The records read back, and where they lie when they were placed as they were read back.</summary>
    public sealed record Records(List<Address> Addresses, List<Building> Buildings, List<OsmPlant> Plants, byte[]? How = null, string?[]? BuildingCodes = null);

    /// <summary>
    /// Every record added, each kind in the order added (once: the spill is spent after). Given <paramref name="placeAmong"/>,
    /// records read back from the file are placed among its areas (their codes and how, as <see cref="OsmPlacement.Place"/>
    /// would); records held in memory are not (<see cref="Records.How"/> null).
    /// </summary>
    public Records ReadBack(AreaGrid? placeAmong = null)
    {
        if (_stream is null)
            return new Records(_addresses, _buildings, _plants);
        _writer!.Flush();
        var end = _stream.Position;
        var read = new Records[_segments.Count];
        // One buffer a thread, used again for each of its segments (not a large object a segment for the collector).
        Parallel.For(0, _segments.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (Buffer: Array.Empty<byte>(), Locator: placeAmong is null ? null : new AreaLocator(placeAmong)), (i, _, local) =>
        {
            var (buffer, locator) = local;
            var segment = _segments[i];
            var size = (int)((i + 1 < _segments.Count ? _segments[i + 1].Start : end) - segment.Start);
            if (buffer.Length < size)
                buffer = new byte[Math.Max(size, _segmentBytes + (_segmentBytes >> 2))];
            for (var at = 0; at < size;)
            {
                var n = RandomAccess.Read(_stream.SafeFileHandle, buffer.AsSpan(at, size - at), segment.Start + at);
                if (n == 0)
                    throw new EndOfStreamException("the spilled OSM records end early");
                at += n;
            }
            using var reader = new BinaryReader(new MemoryStream(buffer, 0, size, writable: false), Encoding.UTF8);
            read[i] = Read(reader, segment, locator);
            return (buffer, locator);
        }, _ => { });
        var (addresses, buildings, plants) = (new List<Address>(Addresses), new List<Building>(Buildings), new List<OsmPlant>(Plants));
        var (how, codes) = placeAmong is null ? (null, null) : (new byte[Addresses], new string?[Buildings]);
        foreach (var segment in read)
        {
            segment.How?.CopyTo(how!, addresses.Count);
            segment.BuildingCodes?.CopyTo(codes!, buildings.Count);
            addresses.AddRange(segment.Addresses);
            buildings.AddRange(segment.Buildings);
            plants.AddRange(segment.Plants);
        }
        return new Records(addresses, buildings, plants, how, codes);
    }

    private Records Read(BinaryReader r, Segment segment, AreaLocator? locator)
    {
        var (addresses, buildings, plants) = (new List<Address>(segment.Addresses), new List<Building>(segment.Buildings), new List<OsmPlant>(segment.Plants));
        var (how, codes) = locator is null ? (null, null) : (new byte[segment.Addresses], new string?[segment.Buildings]);
        var strings = new List<string>();
        var plantReader = new OsmRecordReader(r, _sourceId);
        string Pooled()
        {
            var number = r.Read7BitEncodedInt();
            if (number < strings.Count)
                return strings[number];
            strings.Add(r.ReadString());
            return strings[^1];
        }
        for (var i = segment.Addresses + segment.Buildings + segment.Plants; i > 0; i--)
        {
            switch (r.ReadByte())
            {
                case AddressKind:
                    {
                        var (ordinal, element) = (r.ReadInt32(), r.ReadString());
                        var darId = r.ReadBoolean() ? r.ReadString() : null;
                        var (street, number, postCode, city) = (Pooled(), Pooled(), r.ReadInt32(), Pooled());
                        var (x, y) = (r.ReadDouble(), r.ReadDouble());
                        int? flats = r.ReadBoolean() ? r.ReadInt32() : null;
                        var code = 0;
                        if (locator is not null)
                            (code, how![addresses.Count]) = OsmPlacement.AddressAt(locator, x, y);
                        addresses.Add(MakeAddress(darId, street, number, postCode, city, x, y, flats, ordinal, element, code));
                        break;
                    }
                case BuildingKind:
                    {
                        var (ordinal, element, type) = (r.ReadInt32(), r.ReadString(), Pooled());
                        var origin = new RecordOrigin(_sourceId, _file, ordinal, element);
                        if (r.ReadByte() == Packed)
                        {
                            var packed = new double[r.ReadInt32()];
                            for (var k = 0; k < packed.Length; k++)
                                packed[k] = r.ReadDouble();
                            buildings.Add(new Building($"osm:{element}", null, type, packed, origin));
                        }
                        else
                            buildings.Add(MakeBuilding(type, Utm.CreateGeometry(new WKBReader().Read(r.ReadBytes(r.ReadInt32()))), ordinal, element));
                        if (locator is not null)
                            codes![buildings.Count - 1] = OsmPlacement.BuildingAt(locator, buildings[^1]);
                        break;
                    }
                case PlantKind:
                    plants.Add(plantReader.Plant());
                    break;
                default:
                    throw new InvalidDataException("unknown record kind in the spilled OSM records");
            }
        }
        return new Records(addresses, buildings, plants, how, codes);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _stream?.Dispose();
    }

    /// <summary>A run of records from <see cref="Start"/> with its own string pool (and its own pool for plants).</summary>
    private sealed class Segment(long start)
    {
        private OsmRecordWriter? _texts;
        private OsmRecordWriter? _plants;

        public long Start { get; } = start;
        public int Addresses { get; private set; }
        public int Buildings { get; private set; }
        public int Plants { get; private set; }

        public void Count(byte kind)
        {
            if (kind == AddressKind)
                Addresses++;
            else if (kind == BuildingKind)
                Buildings++;
            else
                Plants++;
        }

        public OsmRecordWriter PlantWriter(BinaryWriter w) => _plants ??= new OsmRecordWriter(w);

        // The segment's own pool, numbered apart from the plants' pool: the cache writer's pooling, on the same stream.
        public void Pooled(BinaryWriter w, string text) => (_texts ??= new OsmRecordWriter(w)).Pooled(text);
    }
}
