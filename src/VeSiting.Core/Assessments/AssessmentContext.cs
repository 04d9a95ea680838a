using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Assessments;

/// <summary>Everything an assessment reads: the store, the rules, the year's price stack and the tariff scenarios.</summary>
public sealed record AssessmentContext(
    ISpatialStore Store,
    RuleBook Rules,
    PriceStack Prices,
    IReadOnlyList<TariffScenario> Scenarios,
    DateOnly Today)
{
    /// <summary>No scheme reaches further than 8 × H of the tallest turbines (≈ 8 × 250 m), so 2.5 km bounds every search.</summary>
    public const double SchemeSearchRadiusM = 2_500;

    /// <summary>Plants that can create neighbour rights or tariff zones: operating and planned.</summary>
    public static PlantFilter Candidates { get; } = new()
    {
        Statuses = new HashSet<Domain.PlantStatus> { Domain.PlantStatus.Operating, Domain.PlantStatus.Planned },
        Kinds = new HashSet<Domain.PlantKind> { Domain.PlantKind.WindTurbine, Domain.PlantKind.WindFarm, Domain.PlantKind.SolarPark },
    };

    /// <summary>Records the price stack's values (and their confidence) as used by an answer, and says when they are carried forward.</summary>
    public void UsePrices(Provenance provenance)
    {
        foreach (var (key, value) in Prices.Values())
            provenance.Uses(Prices.Ref, key, value);
        if (Prices.CarriedForwardNote is { } carried)
            provenance.Assume(carried);
    }
}
