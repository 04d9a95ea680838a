using VeSiting.Core.Domain;

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
    public static (GreenPoolAmount? Amount, string Reason) For(Plant plant, double mw, DateOnly permitDate, RuleBook book, Provenance provenance)
    {
        if (TechnologyKey(plant) is not { } technology)
            return (null, "the green pool covers wind, solar, hydro and wave plants only");
        if (book.Find(Schemes.GreenPool, permitDate) is not { } set)
            return (null, $"no green-pool rule set covers permits dated {permitDate:yyyy-MM-dd}");
        if (provenance.UseOptional(set, technology) is not { } rate)
        {
            provenance.UseSet(set);
            return (null, $"{set.Title} pays nothing for {technology}");
        }
        return (new GreenPoolAmount(technology, mw, rate.Value, set.Ref), $"{NeighbourSchemes.F(mw)} MW × {NeighbourSchemes.F(rate.Value)} DKK/MW ({set.Title})");
    }
}
