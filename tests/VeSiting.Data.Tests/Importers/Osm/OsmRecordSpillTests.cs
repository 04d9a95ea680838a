using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// Records spilled to a file in many small segments (each read back on its own thread) come back equal to the same
/// records held in memory, each kind in the order added, and the file is gone once the spill is disposed.
/// </summary>
public sealed class OsmRecordSpillTests : IDisposable
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Records_in_many_segments_come_back_equal_and_in_order()
    {
        var (held, spilled) = (OsmRecordSpill.In(null, "osm", "x.osm.pbf"), OsmRecordSpill.In(_temp.Path, "osm", "x.osm.pbf", segmentBytes: 512));
        foreach (var spill in new[] { held, spilled })
            AddRecords(spill);
        var (a, b) = (held.ReadBack(), spilled.ReadBack());

        // 3,000 addresses, 2,000 buildings and 100 plants take about 200 kB: hundreds of 512-byte segments.
        Assert.True(spilled.Segments > 100, $"{spilled.Segments} segments");
        Assert.Equal(0, held.Segments);
        Assert.Equal(3_000, b.Addresses.Count);
        Assert.Equal(a.Addresses, b.Addresses, (x, y) => x with { Position = y.Position } == y && x.Position.EqualsExact(y.Position));
        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => $"node/{i}"), b.Addresses.Select(x => x.Origin.Sheet));
        Assert.Equal(a.Buildings, b.Buildings);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"osm:way/{i + 1}"), b.Buildings.Select(x => x.Id));
        Assert.Contains(b.Buildings, x => x.Footprint is MultiPolygon);
        Assert.Equal(100, b.Plants.Count);
        Assert.All(a.Plants.Zip(b.Plants), p => Assert.True(p.First with { Geometry = p.Second.Geometry } == p.Second && p.First.Geometry.EqualsExact(p.Second.Geometry)));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"node/{30 * i + 1}"), b.Plants.Select(x => x.Element));

        held.Dispose();
        spilled.Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void An_open_spill_has_no_name_in_its_folder_so_a_killed_import_leaves_no_file()
    {
        using var spilled = OsmRecordSpill.In(_temp.Path, "osm", "x.osm.pbf", segmentBytes: 512);
        AddRecords(spilled);

        Assert.True(spilled.Segments > 100, $"{spilled.Segments} segments");
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
        Assert.Equal(3_000, spilled.ReadBack().Addresses.Count);
    }

    [Fact]
    public void Records_placed_as_they_are_read_back_equal_those_placed_after_in_memory()
    {
        // Two box municipalities over part of the records (x = 600,000 + 1.5 i); the rest lie east of them: within 2 km
        // (to x = 604,400) placed in the nearest, past it (i = 2,934 to 2,999: 66 addresses) in none.
        var areas = new[] { Box("0101", 598_000, 602_000), Box("0202", 602_000, 602_400) };
        var grid = new AreaGrid(areas);
        var key = OsmPlacement.KeyOf(areas);
        var (held, spilled) = (OsmRecordSpill.In(null, "osm", "x.osm.pbf"), OsmRecordSpill.In(_temp.Path, "osm", "x.osm.pbf", segmentBytes: 512));
        foreach (var spill in new[] { held, spilled })
            AddRecords(spill);
        var memory = held.ReadBack(grid);
        var read = spilled.ReadBack(grid);

        Assert.Null(memory.How);
        var reference = OsmPlacement.Place(new OsmExtract(memory.Addresses, memory.Buildings, memory.Plants), grid, key);
        Assert.Equal(reference.Addresses, read.Addresses, (x, y) => x with { Position = y.Position } == y && x.Position.EqualsExact(y.Position));
        Assert.Equal(reference.Placement!.Addresses, read.How);
        Assert.Equal(reference.Placement.Buildings, read.BuildingCodes);
        Assert.Equal([0, 101, 202], read.Addresses.Select(a => a.MunicipalityCode).Distinct().Order());
        Assert.Contains(read.How!, how => how == OsmPlacement.PlacedInNearest);
        Assert.Equal(66, read.How!.Count(how => how == OsmPlacement.Outside));
        Assert.Contains(read.BuildingCodes!, code => code == "0202");
        held.Dispose();
        spilled.Dispose();
    }

    private static AdminArea Box(string code, double west, double east) => new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = code,
        Name = code,
        Geometry = Utm.ToGeometry(new Envelope(west, east, 6_179_000, 6_182_000)),
        Origin = new RecordOrigin("dagi-municipalities", "boxes.geojson", 1, null),
    };

    /// <summary>Addresses with and without DAR ids and flats; square footprints and every 50th two squares (not packable: WKB); wind turbines.</summary>
    private static void AddRecords(OsmRecordSpill spill)
    {
        for (var i = 0; i < 3_000; i++)
        {
            var (x, y) = (600_000 + i * 1.5, 6_180_000 + i * 0.25);
            spill.AddAddress(i % 7 == 0 ? $"dar-{i}" : null, $"Vej {i % 50}", $"{i % 40 + 1}", i % 3 == 0 ? 0 : 8305, i % 2 == 0 ? "Samsø" : "", x, y, i % 5 == 0 ? i % 9 + 1 : null, i + 1, $"node/{i + 1}");
            if (i < 2_000)
            {
                var footprint = i % 50 == 0 ? Utm.CreateMultiPolygon([Square(x, y), Square(x + 20, y)]) : (Geometry)Square(x, y);
                spill.AddBuilding(i % 4 == 0 ? "farm" : "house", footprint, 3_000 + i + 1, $"way/{i + 1}");
            }
            if (i % 30 == 0)
            {
                spill.AddPlant(new OsmPlant($"node/{i + 1}", PlantKind.WindTurbine, i % 60 == 0 ? "570715000000021770" : null, Utm.CreatePoint(new Coordinate(x, y)),
                    new RecordOrigin("osm", "x.osm.pbf", i + 1, $"node/{i + 1}"))
                {
                    Name = i % 90 == 0 ? $"Mølle {i}" : null,
                    CapacityKw = 1_000 + i,
                    HubHeightM = i % 60 == 0 ? 50 : null,
                });
            }
        }
    }

    private static Polygon Square(double x, double y) =>
        Utm.CreatePolygon([new(x - 5, y - 5), new(x + 5, y - 5), new(x + 5, y + 5), new(x - 5, y + 5), new(x - 5, y - 5)]);

    public void Dispose() => _temp.Dispose();
}
