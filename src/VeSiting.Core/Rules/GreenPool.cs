namespace VeSiting.Core.Rules;

/// <summary>What a plant pays the municipality's green pool: MW × rate by technology and permit period.</summary>
public sealed record GreenPoolAmount(string Technology, double Mw, double RateDkkPerMw, RuleSetRef RuleSet)
{
    public double Dkk => Mw * RateDkkPerMw;
}

public static class GreenPool
{
    /// <summary>The rule-set key of the plant's technology, or null when the green pool does not cover it.</summary>
    public static string? TechnologyKey(Plant plant) => plant.Kind switch
    {
        PlantKind.WindTurbine or PlantKind.WindFarm => plant.Siting == Siting.Offshore ? "offshoreWind" : "onshoreWind",
        PlantKind.SolarPark => "solar",
        PlantKind.Hydro or PlantKind.Wave => "hydroWave",
        _ => null,
    };

    /// <summary>The amount for <paramref name="mw"/> of the plant's technology, or null (with the reason) when not covered.</summary>
    public static (GreenPoolAmount? Amount, Reason Reason) For(Plant plant, double mw, DateOnly permitDate, RuleBook book, Provenance provenance)
    {
        if (TechnologyKey(plant) is not { } technology)
            return (null, Reason.Of("green-pool.technology"));
        if (book.Find(Schemes.GreenPool, permitDate) is not { } set)
            return (null, Reason.Of("green-pool.no-rule-set", ("date", permitDate)));
        if (provenance.UseOptional(set, technology) is not { } rate)
        {
            provenance.UseSet(set);
            return (null, Reason.Of("green-pool.pays-nothing", ("set", set.Title), ("technology", technology)));
        }
        return (new GreenPoolAmount(technology, mw, rate.Value, set.Ref), Reason.Of("green-pool.amount", ("mw", mw), ("rate", rate.Value), ("set", set.Title)));
    }
}
