using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>
/// Hand-made parks and households whose every distance and amount is worked out in <c>ProjectMoneyTests</c>. Two
/// municipalities meet at E 600,000: "0101" West (E &lt; 600,000) and "0147" East.
/// </summary>
public static class ParkData
{
    private static readonly RecordOrigin Origin = new("park-data", "park-data", 1);

    /// <summary>Park P: registered in municipality 0147 (turbine 0 stands on the border); 8 × 3,600 kW turbines (hub 91.5 m, rotor 117 m, H = 150 m) in a row at E 600,000 + 400 i, N 6,200,000;
    /// permit 2021-03-01 (VE-bonus k = 6.5 kW); each produced 9,000,000 kWh in 2025.</summary>
    public static Plant ParkTurbine(int i) => new()
    {
        Id = $"57000000000000010{i}",
        Kind = PlantKind.WindTurbine,
        Status = PlantStatus.Operating,
        Geometry = GeometryTransforms.Utm32Point(600_000 + 400 * i, 6_200_000),
        Origin = Origin,
        CapacityKw = 3600,
        HubHeightM = 91.5,
        RotorDiameterM = 117,
        Siting = Siting.Onshore,
        MunicipalityCode = 147,
        ConnectedOn = new DateOnly(2021, 9, 1),
        PermitDate = new DateOnly(2021, 3, 1),
        PermitDateSource = "hand-made permit",
        ProjectId = "park-p",
        ProjectBasis = ProjectBasis.Register,
        Manufacturer = "Vestas",
        Model = "V117-3.6 MW",
        AnnualProductionKwh = new Dictionary<int, double> { [2025] = 9_000_000 },
    };

    /// <summary>Park Q: 2 × 2,000 kW (hub 80 m, rotor 90 m, H = 125 m) at N 6,201,500, connected 2020-12-10, no permit date,
    /// 5,000,000 kWh each in 2025.</summary>
    public static Plant DecemberTurbine(int i) => ParkTurbine(0) with
    {
        Id = $"57000000000000020{i}",
        Geometry = GeometryTransforms.Utm32Point(601_600 + 300 * i, 6_201_500),
        CapacityKw = 2000,
        HubHeightM = 80,
        RotorDiameterM = 90,
        ConnectedOn = new DateOnly(2020, 12, 10),
        PermitDate = null,
        PermitDateSource = null,
        ProjectId = "park-q",
        Model = "V90-2.0 MW",
        AnnualProductionKwh = new Dictionary<int, double> { [2025] = 5_000_000 },
    };

    private static Address Address(string id, double e, double n, int municipality) => new()
    {
        Id = id,
        MunicipalityCode = municipality,
        StreetName = "Parkvej",
        HouseNumber = id,
        PostCode = 4000,
        PostCodeName = "Roskilde",
        Position = GeometryTransforms.Utm32Point(e, n),
        Origin = Origin,
    };

    /// <summary>Centre of the ring of 30 addresses (radius 1,000 m) used by the cap case, 4 km from parks P and Q.</summary>
    public static readonly (double E, double N) CapCentre = (605_000, 6_205_000);

    /// <summary>
    /// h1 (601,500, 6,200,700): from park P's turbines 0–7: 1,655.3, 1,303.8, 989.9, 761.6, 707.1, 860.2, 1,140.2, 1,476.5 m,
    /// so within 8 × 150 = 1,200 m of five (2–6), nearest turbine 4 at 707.1 m = 4.71 × H; from park Q's turbines 806.2
    /// and 894.4 m (8 × 125 = 1,000 m: both within), nearest 806.2 m = 6.45 × H.
    /// h2 (601,900, 6,200,900): from P 2,102.4, 1,749.3, 1,421.3, 1,140.2, 948.7, 905.5, 1,029.6, 1,272.8 m (four within),
    /// nearest 905.5 m = 6.04 × H; from Q 670.8 and 600.0 m, nearest 600 m = 4.8 × H.
    /// c0…c29: a ring of radius 1,000 m around <see cref="CapCentre"/>, every 12°.
    /// </summary>
    public static DataSet Create() => new()
    {
        Plants = [.. Enumerable.Range(0, 8).Select(ParkTurbine), .. Enumerable.Range(0, 2).Select(DecemberTurbine)],
        Addresses =
        [
            Address("h1", 601_500, 6_200_700, 147), Address("h2", 601_900, 6_200_900, 147),
            .. Enumerable.Range(0, 30).Select(i => Address($"c{i}", CapCentre.E + 1000 * Math.Cos(i * Math.PI / 15), CapCentre.N + 1000 * Math.Sin(i * Math.PI / 15), 147)),
        ],
        Municipalities =
        [
            Area("0101", "West", "POLYGON ((590000 6190000, 600000 6190000, 600000 6210000, 590000 6210000, 590000 6190000))"),
            Area("0147", "East", "POLYGON ((600000 6190000, 610000 6190000, 610000 6210000, 600000 6210000, 600000 6190000))"),
        ],
        Attributions = ["Hand-made test data"],
        Version = new DataVersion("park-data", DateTimeOffset.UnixEpoch),
    };

    private static AdminArea Area(string code, string name, string wkt) => new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = code,
        Name = name,
        Origin = Origin,
        Geometry = GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(new WKTReader().Read(wkt)),
    };
}
