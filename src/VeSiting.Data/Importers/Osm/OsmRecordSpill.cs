using System.Text;
using VeSiting.Core.Domain;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// The records of one pass over an OpenStreetMap file as the pass takes them: written to a file (in the folder given,
/// the extract cache's) and read back whole once the pass is done, so that the node positions the pass needs (about
/// 600 MB with the national file) and the records (about 1 GB) are never held at the same time. Without a folder, or
/// where no file can be made in it, the records are held in memory. The file is deleted when the spill is disposed.
/// Records read back equal those added (the extract cache's coding, <see cref="OsmRecordWriter"/>), in the order added.
/// </summary>
internal sealed class OsmRecordSpill : IDisposable
{
    private const byte AddressKind = 1;
    private const byte BuildingKind = 2;
    private const byte PlantKind = 3;

    private readonly FileStream? _file;
    private readonly BinaryWriter? _writer;
    private readonly OsmRecordWriter? _records;
    private readonly List<Address> _addresses = [];
    private readonly List<Building> _buildings = [];
    private readonly List<OsmPlant> _plants = [];

    private OsmRecordSpill(FileStream? file)
    {
        _file = file;
        if (file is null)
            return;
        _writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        _records = new OsmRecordWriter(_writer);
    }

    /// <summary>A spill to a new file in <paramref name="folder"/>; held in memory without one or where the folder cannot be written to.</summary>
    public static OsmRecordSpill In(string? folder)
    {
        if (folder is null)
            return new OsmRecordSpill(null);
        try
        {
            var path = Path.Combine(folder, $".osm-records.{Guid.NewGuid():N}.spill");
            return new OsmRecordSpill(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OsmRecordSpill(null);
        }
    }

    public int Addresses { get; private set; }
    public int Buildings { get; private set; }
    public int Plants { get; private set; }

    public void Add(Address address)
    {
        Addresses++;
        if (_records is null)
            _addresses.Add(address);
        else
        {
            _writer!.Write(AddressKind);
            _records.Address(address);
        }
    }

    public void Add(Building building)
    {
        Buildings++;
        if (_records is null)
            _buildings.Add(building);
        else
        {
            _writer!.Write(BuildingKind);
            _records.Building(building);
        }
    }

    public void Add(OsmPlant plant)
    {
        Plants++;
        if (_records is null)
            _plants.Add(plant);
        else
        {
            _writer!.Write(PlantKind);
            _records.Plant(plant);
        }
    }

    /// <summary>Every record added, each kind in the order added (once: the spill is spent after).</summary>
    public (List<Address> Addresses, List<Building> Buildings, List<OsmPlant> Plants) ReadBack(string sourceId)
    {
        if (_file is null)
            return (_addresses, _buildings, _plants);
        _writer!.Flush();
        _file.Position = 0;
        var (addresses, buildings, plants) = (new List<Address>(Addresses), new List<Building>(Buildings), new List<OsmPlant>(Plants));
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        var records = new OsmRecordReader(reader, sourceId);
        for (var i = Addresses + Buildings + Plants; i > 0; i--)
        {
            switch (reader.ReadByte())
            {
                case AddressKind:
                    addresses.Add(records.Address());
                    break;
                case BuildingKind:
                    buildings.Add(records.Building());
                    break;
                case PlantKind:
                    plants.Add(records.Plant());
                    break;
                default:
                    throw new InvalidDataException("unknown record kind in the spilled OSM records");
            }
        }
        return (addresses, buildings, plants);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file?.Dispose();
    }
}
