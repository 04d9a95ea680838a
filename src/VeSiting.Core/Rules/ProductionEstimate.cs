using VeSiting.Core.Domain;

namespace VeSiting.Core.Rules;

/// <summary>Annual production of a plant: the register's latest year where known, else capacity × full-load hours.</summary>
public static class ProductionEstimate
{
    public static (double Kwh, string Basis) AnnualKwh(Plant plant, RuleSet estimates, Provenance provenance)
    {
        if (plant.LatestAnnualProduction is { Kwh: > 0 } latest)
            return (latest.Kwh, $"register production {latest.Year}: {NeighbourSchemes.F(latest.Kwh)} kWh");
        var key = plant.Kind == PlantKind.SolarPark ? "fullLoadHoursSolar"
            : plant.Siting == Siting.Offshore ? "fullLoadHoursOffshoreWind" : "fullLoadHoursOnshoreWind";
        var hours = provenance.Use(estimates, key).Value;
        var kw = plant.CapacityKw ?? 0;
        return (kw * hours, $"estimated: {NeighbourSchemes.F(kw)} kW × {NeighbourSchemes.F(hours)} full-load hours");
    }
}
