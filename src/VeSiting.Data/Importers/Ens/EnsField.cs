namespace VeSiting.Data.Importers.Ens;

/// <summary>The register's columns that VeSiting reads, whatever the edition calls them.</summary>
internal enum EnsField
{
    Gsrn,
    ConnectedOn,
    DecommissionedOn,
    CapacityKw,
    RotorDiameterM,
    HubHeightM,
    Manufacturer,
    Model,
    MunicipalityCode,
    MunicipalityName,
    LocationType,
    CadastralDistrict,
    CadastralNumber,
    Easting,
    Northing,
    CoordinateOrigin,
    /// <summary>The park (project) a turbine belongs to, in editions that publish the relation.</summary>
    Park,
}
