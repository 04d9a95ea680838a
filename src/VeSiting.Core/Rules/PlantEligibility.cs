namespace VeSiting.Core.Rules;

public enum Coverage
{
    Covered,
    /// <summary>Could be covered, but the data cannot tell (unknown height, small solar near other solar).</summary>
    MayBeCovered,
    NotCovered,
}

public sealed record EligibilityResult(Coverage Coverage, string Reason)
{
    /// <summary>A result whose reason is data (<see cref="Why"/>); <see cref="Reason"/> is its English text.</summary>
    public EligibilityResult(Coverage coverage, Explanations.Reason why) : this(coverage, why.Text) => Why = why;

    /// <summary>The reason as a code and values (plain text when built from a string).</summary>
    public Explanations.Reason Why { get; init; } = Explanations.Reason.Plain(Reason);
}

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
            return new(Coverage.NotCovered, Reason.Of("eligibility.excluded", ("name", excluded.Name), ("kind", excluded.Kind), ("source", excluded.Source)));
        }
        switch (plant.Kind)
        {
            case PlantKind.WindTurbine:
                {
                    var min = provenance.Use(rules, "windMinTotalHeight").Value;
                    return plant.TotalHeightM switch
                    {
                        null => new(Coverage.MayBeCovered, Reason.Of("eligibility.height-unknown")),
                        var h when h >= min => new(Coverage.Covered, Reason.Of("eligibility.height-covered", ("height", h.Value), ("min", min))),
                        var h => new(Coverage.NotCovered, Reason.Of("eligibility.height-too-low", ("height", h!.Value), ("min", min))),
                    };
                }
            case PlantKind.WindFarm:
                return new(Coverage.MayBeCovered, Reason.Of("eligibility.wind-farm"));
            case PlantKind.SolarPark:
                {
                    var covered = provenance.Use(rules, "solarCoveredFrom").Value;
                    var conditional = provenance.Use(rules, "solarConditionalFrom").Value;
                    var cluster = rules.Optional("solarClusterRadius") is { } r ? Reason.Of("eligibility.cluster-radius", ("radius", r.Value)) : Reason.Of("eligibility.cluster-distance");
                    return plant.CapacityKw switch
                    {
                        null => new(Coverage.MayBeCovered, Reason.Of("eligibility.capacity-unknown")),
                        var kw when kw >= covered => new(Coverage.Covered, Reason.Of("eligibility.capacity-covered", ("kw", kw.Value), ("min", covered))),
                        var kw when kw >= conditional => new(Coverage.MayBeCovered, Reason.Of("eligibility.capacity-conditional", ("kw", kw.Value), ("conditional", conditional), ("cluster", cluster), ("covered", covered))),
                        var kw => new(Coverage.NotCovered, Reason.Of("eligibility.capacity-too-small", ("kw", kw!.Value), ("min", conditional))),
                    };
                }
            case PlantKind.Hydro or PlantKind.Wave:
                provenance.UseSet(rules);
                return new(Coverage.Covered, Reason.Of("eligibility.wave-hydro"));
            default:
                return new(Coverage.NotCovered, Reason.Of("eligibility.other-kind"));
        }
    }
}
