using NetTopologySuite.IO;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// One OpenStreetMap record (address, building, plant) in the binary form of the extract cache (<see cref="OsmExtractCache"/>)
/// and of the records spilled during a pass (<see cref="OsmRecordSpill"/>). Strings are written once and then named by
/// their number (street names, cities, house numbers, types); coordinates as the doubles the reader made, so the records
/// read back are equal to those written.
/// </summary>
internal sealed class OsmRecordWriter(BinaryWriter w)
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly WKBWriter _wkb = new();

    public void Address(Address a)
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

    public void Building(Building b)
    {
        Origin(b.Origin);
        w.Write(b.Id == $"osm:{b.Origin.Sheet}" ? "" : b.Id);
        OptionalText(b.BbrId);
        Pooled(b.BuildingType);
        Geometry(b.Footprint);
    }

    public void Plant(OsmPlant p)
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

    public void Pooled(string text)
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

    public void OptionalText(string? text)
    {
        w.Write(text is not null);
        if (text is not null)
            w.Write(text);
    }

    public void Optional(int? value)
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
/// Reads what <see cref="OsmRecordWriter"/> wrote. The source id the records were written under is replaced by
/// <paramref name="sourceId"/> (the same file may be loaded as another source id).
/// </summary>
internal sealed class OsmRecordReader(BinaryReader r, string sourceId)
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);
    private readonly List<string> _strings = [];
    private readonly WKBReader _wkb = new();

    public Address Address()
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

    public Building Building()
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

    public OsmPlant Plant()
    {
        var origin = Origin();
        return new OsmPlant(r.ReadString(), (PlantKind)r.ReadInt32(), OptionalText(), Geometry(r.ReadByte()), origin)
        {
            IsPowerPlant = r.ReadBoolean(),
            Name = OptionalText(),
            CapacityKw = OptionalDouble(),
            HubHeightM = OptionalDouble(),
            RotorDiameterM = OptionalDouble(),
        };
    }

    private double[] PackedShell()
    {
        var packed = new double[r.ReadInt32()];
        for (var i = 0; i < packed.Length; i++)
            packed[i] = r.ReadDouble();
        return packed;
    }

    private Geometry Geometry(byte kind) => kind switch
    {
        1 => Utm.CreatePoint(new Coordinate(r.ReadDouble(), r.ReadDouble())),
        2 => PackedRings.ToPolygon(PackedShell()),
        3 => Utm.CreateGeometry(_wkb.Read(r.ReadBytes(r.ReadInt32()))),
        _ => throw new InvalidDataException("unknown geometry kind in the OSM extract cache"),
    };

    private RecordOrigin Origin()
    {
        Pooled(); // the source id written: the one asked for now is used
        var file = Pooled();
        return new RecordOrigin(sourceId, file, r.ReadInt32(), OptionalText());
    }

    public string Pooled()
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

    public string? OptionalText() => r.ReadBoolean() ? r.ReadString() : null;

    public int? OptionalInt() => r.ReadBoolean() ? r.ReadInt32() : null;

    private double? OptionalDouble() => r.ReadBoolean() ? r.ReadDouble() : null;
}
