using NetTopologySuite.IO;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// What <see cref="OsmReader"/> took from an OpenStreetMap file, kept beside it (<c>FILE.vesiting-extract</c>) in a compact
/// binary form, so that loading the data again reads the records in one sequential pass instead of decoding the whole
/// file (its 50 M node positions) again. The cache names the file's length and time of last change and the format
/// version; any difference, or a cache that cannot be read whole, and the file is read again (and the cache rewritten).
/// Coordinates are kept as the doubles the reader made, so the records read back are equal to the reader's.
/// Format 2 also keeps where the addresses and footprints lie (<see cref="OsmPlacement"/>, with the boundaries' edition it
/// was made against); a format 1 cache (without it) is not read but rebuilt from the file.
/// </summary>
public static class OsmExtractCache
{
    public const string Suffix = ".vesiting-extract";
    private const string Magic = "VeSiting OSM extract";
    public const int FormatVersion = 2;
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    /// <summary>
    /// The cached extract where it is current, else the file read with <see cref="OsmReader"/> (and cached when it has no
    /// errors). Given <paramref name="municipalities"/>, the extract is placed among them (<see cref="OsmPlacement"/>) unless
    /// the cache already holds that placement, and the placement is cached too.
    /// </summary>
    public static ImportResult<OsmExtract> ReadOrDecode(string path, string sourceId, IProgress<double>? progress = null, IReadOnlyList<AdminArea>? municipalities = null)
    {
        var boundaries = municipalities is null ? null : OsmPlacement.KeyOf(municipalities);
        if (TryRead(path, sourceId) is { } cached)
        {
            progress?.Report(1);
            if (boundaries is null || cached.Records.All(e => OsmPlacement.IsPlaced(e, boundaries)))
                return cached;
            var placed = Placed(cached, municipalities!, boundaries);
            TryWrite(path, placed);
            return placed;
        }
        var result = new OsmReader().Read(path, sourceId, progress);
        if (result.HasErrors)
            return result;
        // The reader's node positions (about 600 MB with the national file) are garbage now: give them back before the
        // placement and the cache writer allocate, so the peak does not hold both.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (boundaries is not null)
            result = Placed(result, municipalities!, boundaries);
        TryWrite(path, result);
        return result;
    }

    private static ImportResult<OsmExtract> Placed(ImportResult<OsmExtract> result, IReadOnlyList<AdminArea> municipalities, string boundaries)
    {
        var grid = new AreaGrid(municipalities);
        return result with { Records = result.Records.Select(e => OsmPlacement.Place(e, grid, boundaries)).ToList() };
    }

    /// <summary>The cached extract, or null when there is none or it is not of this file as it is now.</summary>
    public static ImportResult<OsmExtract>? TryRead(string path, string sourceId)
    {
        var cachePath = path + Suffix;
        if (!File.Exists(cachePath))
            return null;
        try
        {
            using var stream = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != Stamp(path))
                return null;
            return new Reader(reader, sourceId).Read();
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or ParseException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the cache beside the file (atomically); a folder that cannot be written to leaves no cache, and no error.</summary>
    public static void TryWrite(string path, ImportResult<OsmExtract> result)
    {
        var cachePath = path + Suffix;
        var temporary = $"{cachePath}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Stamp(path));
                new Writer(writer).Write(result);
            }
            File.Move(temporary, cachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static string Stamp(string path)
    {
        var info = new FileInfo(path);
        return $"{info.Name}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>Strings written once and then named by their number (street names, cities, house numbers, types).</summary>
    private sealed class Writer(BinaryWriter w)
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly WKBWriter _wkb = new();

        public void Write(ImportResult<OsmExtract> result)
        {
            w.Write(result.Records.Count);
            foreach (var extract in result.Records)
            {
                w.Write(extract.Addresses.Count);
                foreach (var a in extract.Addresses)
                    Address(a);
                w.Write(extract.Buildings.Count);
                foreach (var b in extract.Buildings)
                    Building(b);
                w.Write(extract.Plants.Count);
                foreach (var p in extract.Plants)
                    Plant(p);
                Placement(extract.Placement);
            }
            w.Write(result.Issues.Count);
            foreach (var issue in result.Issues)
            {
                w.Write((int)issue.Severity);
                Pooled(issue.File);
                Optional(issue.Row);
                OptionalText(issue.Column);
                w.Write(issue.Reason);
                OptionalText(issue.Sheet);
            }
        }

        private void Placement(OsmPlacement? placement)
        {
            w.Write(placement is not null);
            if (placement is null)
                return;
            w.Write(placement.Boundaries);
            w.Write(placement.Addresses);
            foreach (var code in placement.Buildings)
            {
                w.Write(code is not null);
                if (code is not null)
                    Pooled(code);
            }
        }

        private void Address(Address a)
        {
            Origin(a.Origin);
            w.Write(a.Id == $"osm:{a.Origin.Sheet}" ? "" : a.Id);
            w.Write(a.MunicipalityCode);
            Pooled(a.StreetName);
            Pooled(a.HouseNumber);
            w.Write(a.PostCode);
            Pooled(a.PostCodeName);
            w.Write(a.Xy.X);
            w.Write(a.Xy.Y);
            Optional(a.Households);
            w.Write((byte)((a.HouseholdsFromBbr ? 1 : 0) | (a.HouseholdsFromBuildingFlats ? 2 : 0)));
        }

        private void Building(Building b)
        {
            Origin(b.Origin);
            w.Write(b.Id == $"osm:{b.Origin.Sheet}" ? "" : b.Id);
            OptionalText(b.BbrId);
            Pooled(b.BuildingType);
            Geometry(b.Footprint);
        }

        private void Plant(OsmPlant p)
        {
            Origin(p.Origin);
            w.Write(p.Element);
            w.Write((int)p.Kind);
            OptionalText(p.Gsrn);
            Geometry(p.Geometry);
            w.Write(p.IsPowerPlant);
            OptionalText(p.Name);
            Optional(p.CapacityKw);
            Optional(p.HubHeightM);
            Optional(p.RotorDiameterM);
        }

        /// <summary>A point as its two doubles, a polygon without holes as its shell's, anything else as WKB.</summary>
        private void Geometry(Geometry g)
        {
            if (g is Point { IsEmpty: false } point && ReferenceEquals(point.Factory, Utm))
            {
                w.Write((byte)1);
                w.Write(point.X);
                w.Write(point.Y);
            }
            else if (PackedRings.TryPack(g) is { } packed)
            {
                w.Write((byte)2);
                w.Write(packed.Length);
                foreach (var value in packed)
                    w.Write(value);
            }
            else
            {
                var bytes = _wkb.Write(g);
                w.Write((byte)3);
                w.Write(bytes.Length);
                w.Write(bytes);
            }
        }

        private void Origin(RecordOrigin origin)
        {
            Pooled(origin.SourceId);
            Pooled(origin.File);
            w.Write(origin.Row);
            OptionalText(origin.Sheet);
        }

        private void Pooled(string text)
        {
            if (_strings.TryGetValue(text, out var number))
            {
                w.Write7BitEncodedInt(number);
                return;
            }
            w.Write7BitEncodedInt(_strings.Count);
            w.Write(text);
            _strings[text] = _strings.Count;
        }

        private void OptionalText(string? text)
        {
            w.Write(text is not null);
            if (text is not null)
                w.Write(text);
        }

        private void Optional(int? value)
        {
            w.Write(value is not null);
            if (value is { } v)
                w.Write(v);
        }

        private void Optional(double? value)
        {
            w.Write(value is not null);
            if (value is { } v)
                w.Write(v);
        }
    }

    /// <summary>
    /// Reads the records back. The source id and file name the records were cached under are replaced by the ones asked
    /// for now (the same file may be loaded as another source id).
    /// </summary>
    private sealed class Reader(BinaryReader r, string sourceId)
    {
        private readonly List<string> _strings = [];
        private readonly WKBReader _wkb = new();

        public ImportResult<OsmExtract> Read()
        {
            var extracts = new OsmExtract[r.ReadInt32()];
            for (var e = 0; e < extracts.Length; e++)
            {
                var addresses = new Address[r.ReadInt32()];
                for (var i = 0; i < addresses.Length; i++)
                    addresses[i] = Address();
                var buildings = new Building[r.ReadInt32()];
                for (var i = 0; i < buildings.Length; i++)
                    buildings[i] = Building();
                var plants = new OsmPlant[r.ReadInt32()];
                for (var i = 0; i < plants.Length; i++)
                    plants[i] = Plant();
                extracts[e] = new OsmExtract(addresses, buildings, plants) { Placement = Placement(addresses.Length, buildings.Length) };
            }
            var issues = new ImportIssue[r.ReadInt32()];
            for (var i = 0; i < issues.Length; i++)
                issues[i] = new ImportIssue((ImportIssueSeverity)r.ReadInt32(), Pooled(), OptionalInt(), OptionalText(), r.ReadString(), OptionalText());
            return new ImportResult<OsmExtract>(extracts, issues);
        }

        private OsmPlacement? Placement(int addresses, int buildings)
        {
            if (!r.ReadBoolean())
                return null;
            var boundaries = r.ReadString();
            var how = r.ReadBytes(addresses);
            if (how.Length != addresses)
                throw new EndOfStreamException();
            var codes = new string?[buildings];
            for (var i = 0; i < codes.Length; i++)
                codes[i] = r.ReadBoolean() ? Pooled() : null;
            return new OsmPlacement(boundaries, how, codes);
        }

        private Address Address()
        {
            var origin = Origin();
            var id = r.ReadString();
            var municipality = r.ReadInt32();
            var (street, number, postCode, city) = (Pooled(), Pooled(), r.ReadInt32(), Pooled());
            var position = Utm.CreatePoint(new Coordinate(r.ReadDouble(), r.ReadDouble()));
            var households = OptionalInt();
            var flags = r.ReadByte();
            return new Address
            {
                Id = id.Length == 0 ? $"osm:{origin.Sheet}" : id,
                MunicipalityCode = municipality,
                StreetName = street,
                HouseNumber = number,
                PostCode = postCode,
                PostCodeName = city,
                Position = position,
                Households = households,
                HouseholdsFromBbr = (flags & 1) != 0,
                HouseholdsFromBuildingFlats = (flags & 2) != 0,
                Origin = origin,
            };
        }

        private Building Building()
        {
            var origin = Origin();
            var id = r.ReadString();
            var bbrId = OptionalText();
            var type = Pooled();
            id = id.Length == 0 ? $"osm:{origin.Sheet}" : id;
            if (r.ReadByte() is var kind && kind == 2)
                return new Building(id, bbrId, type, PackedShell(), origin);
            return new Building { Id = id, BbrId = bbrId, BuildingType = type, Footprint = Geometry(kind), Origin = origin };
        }

        private OsmPlant Plant()
        {
            var origin = Origin();
            return new OsmPlant(r.ReadString(), (PlantKind)r.ReadInt32(), OptionalText(), Geometry(), origin)
            {
                IsPowerPlant = r.ReadBoolean(),
                Name = OptionalText(),
                CapacityKw = OptionalDouble(),
                HubHeightM = OptionalDouble(),
                RotorDiameterM = OptionalDouble(),
            };
        }

        private Geometry Geometry() => Geometry(r.ReadByte());

        private double[] PackedShell()
        {
            var packed = new double[r.ReadInt32()];
            for (var i = 0; i < packed.Length; i++)
                packed[i] = r.ReadDouble();
            return packed;
        }

        private Geometry Geometry(byte kind)
        {
            switch (kind)
            {
                case 1:
                    return Utm.CreatePoint(new Coordinate(r.ReadDouble(), r.ReadDouble()));
                case 2:
                    return PackedRings.ToPolygon(PackedShell());
                case 3:
                    return Utm.CreateGeometry(_wkb.Read(r.ReadBytes(r.ReadInt32())));
                default:
                    throw new InvalidDataException("unknown geometry kind in the OSM extract cache");
            }
        }

        private RecordOrigin Origin()
        {
            Pooled(); // the source id cached: the one asked for now is used
            var file = Pooled();
            return new RecordOrigin(sourceId, file, r.ReadInt32(), OptionalText());
        }

        private string Pooled()
        {
            var number = r.Read7BitEncodedInt();
            if (number < _strings.Count)
                return _strings[number];
            if (number != _strings.Count)
                throw new InvalidDataException("a string numbered out of order in the OSM extract cache");
            var text = r.ReadString();
            _strings.Add(text);
            return text;
        }

        private string? OptionalText() => r.ReadBoolean() ? r.ReadString() : null;

        private int? OptionalInt() => r.ReadBoolean() ? r.ReadInt32() : null;

        private double? OptionalDouble() => r.ReadBoolean() ? r.ReadDouble() : null;
    }
}
