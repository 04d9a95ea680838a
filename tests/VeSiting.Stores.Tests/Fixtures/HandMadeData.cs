using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>A small data set whose every distance is worked out by hand in the contract tests.</summary>
public static class HandMadeData
{
    private static readonly WKTReader Reader = new();

    /// <summary>WKT in EPSG:25832.</summary>
    private static Geometry Wkt(string wkt) => GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(Reader.Read(wkt));
    private static readonly RecordOrigin Origin = new("hand-made", "hand-made", 1);

    public static Plant Turbine(string id, double e, double n, double hub = 60, double rotor = 80, PlantStatus status = PlantStatus.Operating) =>
        PlannedPlants.Turbine(id, e, n, hub, rotor) with { Status = status, Origin = Origin };

    /// <summary>A 200 m × 200 m solar park from (600000, 6200000) to (600200, 6200200).</summary>
    public static readonly Plant SolarSquare = new()
    {
        Id = "solar-1",
        Kind = PlantKind.SolarPark,
        Status = PlantStatus.Operating,
        Geometry = Wkt("POLYGON ((600000 6200000, 600200 6200000, 600200 6200200, 600000 6200200, 600000 6200000))"),
        Origin = Origin,
        CapacityKw = 5000,
        Siting = Siting.Onshore,
    };

    private static Address Address(string id, double e, double n) => new()
    {
        Id = id,
        MunicipalityCode = 101,
        StreetName = "Testvej",
        HouseNumber = id,
        PostCode = 2300,
        PostCodeName = "København S",
        Position = GeometryTransforms.Utm32Point(e, n),
        Origin = Origin,
    };

    public static DataSet Create() => new()
    {
        Plants =
        [
            Turbine("b", 600300, 6200400),   // 3-4-5: 500 m from (600000, 6200000)
            Turbine("a", 600400, 6199700),   // 3-4-5 the other way: 500 m
            Turbine("c", 600000, 6199900, status: PlantStatus.Decommissioned), // 100 m, but decommissioned
            Turbine("d", 700000, 6300000),   // far away: only found by an unbounded search
            SolarSquare,
        ],
        Addresses = [Address("1", 600300, 6200400), Address("2", 601000, 6200000), Address("3", 600100, 6200100)],
        Buildings =
        [
            new Building { Id = "b1", BuildingType = "Bygning", Origin = Origin, Footprint = Wkt("POLYGON ((600250 6200000, 600260 6200000, 600260 6200010, 600250 6200010, 600250 6200000))") },
        ],
        Municipalities =
        [
            new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0101", Name = "A", Origin = Origin, Geometry = Wkt("POLYGON ((590000 6190000, 600000 6190000, 600000 6210000, 590000 6210000, 590000 6190000))") },
            new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0147", Name = "B", Origin = Origin, Geometry = Wkt("POLYGON ((600000 6190000, 610000 6190000, 610000 6210000, 600000 6210000, 600000 6190000))") },
        ],
        Attributions = ["Hand-made test data"],
        Version = new DataVersion("hand-made", DateTimeOffset.UnixEpoch),
    };
}
