namespace VeSiting.Core.Rules;

/// <summary>Annual production of a plant: the register's latest year where known, else capacity × full-load hours.</summary>
public static class ProductionEstimate
{
    public static (double Kwh, Reason Basis) AnnualKwh(Plant plant, RuleSet estimates, Provenance provenance)
    {
        if (plant.LatestAnnualProduction is { Kwh: > 0 } latest)
            return (latest.Kwh, Reason.Of("production.register", ("year", latest.Year), ("kwh", latest.Kwh)));
        var key = plant.Kind == PlantKind.SolarPark ? "fullLoadHoursSolar"
            : plant.Siting == Siting.Offshore ? "fullLoadHoursOffshoreWind" : "fullLoadHoursOnshoreWind";
        var hours = provenance.Use(estimates, key).Value;
        var kw = plant.CapacityKw ?? 0;
        return (kw * hours, Reason.Of("production.estimated", ("kw", kw), ("hours", hours)));
    }
}
