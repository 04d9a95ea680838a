using System.Globalization;
using VeSiting.Core.Domain;

namespace VeSiting.Core.Rules;

public enum Coverage
{
    Covered,
    /// <summary>Could be covered, but the data cannot tell (unknown height, small solar near other solar).</summary>
    MayBeCovered,
    NotCovered,
}

public sealed record EligibilityResult(Coverage Coverage, string Reason);

/// <summary>
/// Whether a plant falls under the neighbour schemes (VE-loven § 6), by the plant-eligibility rule set: minimum total
/// height of turbines, minimum capacity of solar, and the areas the set excludes (test centres, tendered offshore parks).
/// </summary>
public static class PlantEligibility
{
    public static EligibilityResult Evaluate(Plant plant, RuleSet rules, Provenance provenance)
    {
        if (rules.Exclusions.FirstOrDefault(e => e.Covers(plant)) is { } excluded)
        {
            provenance.UseSet(rules);
            if (excluded.Confidence != Confidence.Confirmed)
                provenance.Uses(rules.Ref, $"exclusion:{excluded.Id}", new RuleValue(1, "area", excluded.Source, excluded.Confidence, excluded.Note));
            return new(Coverage.NotCovered, $"in {excluded.Name} ({excluded.Kind}), which the schemes do not cover ({excluded.Source})");
        }
        switch (plant.Kind)
        {
            case PlantKind.WindTurbine:
                {
                    var min = provenance.Use(rules, "windMinTotalHeight").Value;
                    return plant.TotalHeightM switch
                    {
                        null => new(Coverage.MayBeCovered, "total height unknown in the register"),
                        var h when h >= min => new(Coverage.Covered, $"total height {F(h.Value)} m ≥ {F(min)} m"),
                        var h => new(Coverage.NotCovered, $"total height {F(h!.Value)} m < {F(min)} m"),
                    };
                }
            case PlantKind.WindFarm:
                return new(Coverage.MayBeCovered, "wind farm registered without turbine heights");
            case PlantKind.SolarPark:
                {
                    var covered = provenance.Use(rules, "solarCoveredFrom").Value;
                    var conditional = provenance.Use(rules, "solarConditionalFrom").Value;
                    var cluster = rules.Optional("solarClusterRadius") is { } r ? $"{F(r.Value)} m" : "the cluster distance";
                    return plant.CapacityKw switch
                    {
                        null => new(Coverage.MayBeCovered, "capacity unknown"),
                        var kw when kw >= covered => new(Coverage.Covered, $"capacity {F(kw.Value)} kW ≥ {F(covered)} kW"),
                        var kw when kw >= conditional => new(Coverage.MayBeCovered, $"capacity {F(kw.Value)} kW: covered only together with other solar of ≥ {F(conditional)} kW within {cluster} reaching {F(covered)} kW"),
                        var kw => new(Coverage.NotCovered, $"capacity {F(kw!.Value)} kW < {F(conditional)} kW"),
                    };
                }
            case PlantKind.Hydro or PlantKind.Wave:
                provenance.UseSet(rules);
                return new(Coverage.Covered, "wave and hydro plants are covered (VE-loven § 6)");
            default:
                return new(Coverage.NotCovered, "only wind, solar, wave and hydro plants are covered");
        }
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
