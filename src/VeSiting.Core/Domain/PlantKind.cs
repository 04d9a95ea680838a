namespace VeSiting.Core.Domain;

/// <summary>What a renewable (or other) plant is, as far as the neighbour schemes care.</summary>
public enum PlantKind
{
    /// <summary>A single wind turbine, as registered in Energistyrelsen's master data register.</summary>
    WindTurbine,
    /// <summary>A wind farm registered as one plant (no per-turbine positions).</summary>
    WindFarm,
    /// <summary>A solar park (ground-mounted photovoltaics).</summary>
    SolarPark,
    /// <summary>A hydro power plant (tendered hydro plants are covered by the schemes and the green pool).</summary>
    Hydro,
    /// <summary>A wave power plant (as hydro).</summary>
    Wave,
    /// <summary>Any other plant (thermal, biomass …).</summary>
    Other,
}
