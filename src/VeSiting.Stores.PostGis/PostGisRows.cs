using System.Text.Json;
using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Stores.PostGis;

/// <summary>Maps result rows back to domain records. Column lists and readers are kept side by side.</summary>
internal static class PostGisRows
{
    public const string PlantColumns =
        "id, kind, status, name, capacity_kw, hub_height_m, rotor_diameter_m, siting, municipality_code, municipality_name, connected_on, "
        + "decommissioned_on, permit_date, manufacturer, model, technology, annual_production_kwh::text, source_id, source_file, source_sheet, source_row, geom, "
        + "project_id, project_basis, permit_date_source, connected_on_precision, acoustics::text";

    /// <summary>How many columns <see cref="PlantColumns"/> selects: the index of a column selected after them.</summary>
    public const int PlantColumnCount = 27;

    public static Plant Plant(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = Enum.Parse<PlantKind>(r.GetString(1)),
        Status = Enum.Parse<PlantStatus>(r.GetString(2)),
        Name = Text(r, 3),
        CapacityKw = Number(r, 4),
        HubHeightM = Number(r, 5),
        RotorDiameterM = Number(r, 6),
        Siting = Enum.Parse<Siting>(r.GetString(7)),
        MunicipalityCode = r.IsDBNull(8) ? null : r.GetInt32(8),
        MunicipalityName = Text(r, 9),
        ConnectedOn = Date(r, 10),
        DecommissionedOn = Date(r, 11),
        PermitDate = Date(r, 12),
        Manufacturer = Text(r, 13),
        Model = Text(r, 14),
        Technology = Text(r, 15),
        AnnualProductionKwh = JsonSerializer.Deserialize<Dictionary<int, double>>(r.GetString(16))!,
        Origin = new RecordOrigin(r.GetString(17), r.GetString(18), r.GetInt32(20), Text(r, 19)),
        Geometry = Geometry(r, 21),
        ProjectId = Text(r, 22),
        ProjectBasis = Text(r, 23) is { } basis ? Enum.Parse<ProjectBasis>(basis) : null,
        PermitDateSource = Text(r, 24),
        ConnectedOnPrecision = Enum.Parse<DatePrecision>(r.GetString(25)),
        Acoustics = PlantAcousticsJson.Read(Text(r, 26)),
    };

    public const string AddressColumns = "id, municipality_code, street_name, house_number, post_code, post_code_name, source_id, source_file, source_row, geom, households, households_from_bbr, households_from_flats";

    /// <summary>Columns of <see cref="AddressColumns"/>: the index of the first column a query adds after them.</summary>
    public const int AddressColumnCount = 13;

    public static Address Address(NpgsqlDataReader r, int offset = 0) => new()
    {
        Id = r.GetString(offset),
        MunicipalityCode = r.GetInt32(offset + 1),
        StreetName = r.GetString(offset + 2),
        HouseNumber = r.GetString(offset + 3),
        PostCode = r.GetInt32(offset + 4),
        PostCodeName = r.GetString(offset + 5),
        Origin = new RecordOrigin(r.GetString(offset + 6), r.GetString(offset + 7), r.GetInt32(offset + 8)),
        Position = r.GetFieldValue<Point>(offset + 9),
        Households = r.IsDBNull(offset + 10) ? null : r.GetInt32(offset + 10),
        HouseholdsFromBbr = r.GetBoolean(offset + 11),
        HouseholdsFromBuildingFlats = r.GetBoolean(offset + 12),
    };

    public const string NoiseAreaColumns = "id, category, kind, name, source_id, source_file, source_row, geom";

    public static Core.Noise.NoiseAreaPolygon NoiseArea(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), Enum.Parse<Core.Noise.NoiseAreaKind>(r.GetString(2)),
        Text(r, 3), Geometry(r, 7), new RecordOrigin(r.GetString(4), r.GetString(5), r.GetInt32(6)));

    public const string FirmColumns = "id, name, cvr, annual_kwh, source_id, source_file, source_row, geom";

    public static Firm Firm(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        Cvr = Text(r, 2),
        AnnualKwh = r.GetDouble(3),
        Origin = new RecordOrigin(r.GetString(4), r.GetString(5), r.GetInt32(6)),
        Position = r.GetFieldValue<Point>(7),
    };

    public const string BuildingColumns = "id, bbr_id, building_type, source_id, source_file, source_row, geom";

    public static Building Building(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        BbrId = Text(r, 1),
        BuildingType = r.GetString(2),
        Origin = new RecordOrigin(r.GetString(3), r.GetString(4), r.GetInt32(5)),
        Footprint = Geometry(r, 6),
    };

    public const string AreaColumns = "kind, code, name, source_id, source_file, source_row, geom";

    public static AdminArea Area(NpgsqlDataReader r) => new()
    {
        Kind = Enum.Parse<AdminAreaKind>(r.GetString(0)),
        Code = r.GetString(1),
        Name = r.GetString(2),
        Origin = new RecordOrigin(r.GetString(3), r.GetString(4), r.GetInt32(5)),
        Geometry = Geometry(r, 6),
    };

    /// <summary>
    /// A geometry on VeSiting's own factory (OverlayNG, see GeometryTransforms): Npgsql's reader uses NetTopologySuite's
    /// default services, and overlay between geometries of different factories throws (PNG boundary tiles on PostGIS did).
    /// </summary>
    private static Geometry Geometry(NpgsqlDataReader r, int i)
    {
        var g = r.GetFieldValue<Geometry>(i);
        return CoordinateTransformer.IsSupported(g.SRID) ? GeometryTransforms.FactoryFor(g.SRID).CreateGeometry(g) : g;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Number(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
