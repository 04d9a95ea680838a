namespace VeSiting.Data.Importers.Bbr;

/// <summary>A current BBR unit (enhed) in use: the unit address (DAR <c>Adresse</c>) it is reached by and its use code.</summary>
public sealed record BbrUnit(string Id, string UnitAddressId, int UseCode, RecordOrigin Origin)
{
    public bool IsDwelling => BbrUnitUse.IsDwelling(UseCode);
}
