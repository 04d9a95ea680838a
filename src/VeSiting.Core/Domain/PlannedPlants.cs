namespace VeSiting.Core.Domain;

/// <summary>Plants that are in no register: what-if layouts given by a user.</summary>
public static class PlannedPlants
{
    /// <summary>A planned wind turbine at ETRS89/UTM32 E/N with its dimensions.</summary>
    public static Plant Turbine(string id, double easting, double northing, double hubHeightM, double rotorDiameterM,
        double? capacityKw = null, DateOnly? permitDate = null)
    {
        if (hubHeightM <= 0 || !double.IsFinite(hubHeightM))
            throw new ArgumentOutOfRangeException(nameof(hubHeightM), hubHeightM, "hub height must be a positive number of metres");
        if (rotorDiameterM < 0 || !double.IsFinite(rotorDiameterM))
            throw new ArgumentOutOfRangeException(nameof(rotorDiameterM), rotorDiameterM, "rotor diameter must be zero or a positive number of metres");
        return new Plant
        {
            Id = id,
            Kind = PlantKind.WindTurbine,
            Status = PlantStatus.Planned,
            Geometry = GeometryTransforms.Utm32Point(easting, northing),
            Origin = new RecordOrigin("planned", "(user input)", 0),
            HubHeightM = hubHeightM,
            RotorDiameterM = rotorDiameterM,
            CapacityKw = capacityKw,
            PermitDate = permitDate,
            Siting = Siting.Onshore,
        };
    }
}
