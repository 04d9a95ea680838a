namespace VeSiting.Core.Assessments;

/// <summary>Everything an assessment reads: the store, the rules, the year's price stack and the tariff scenarios.</summary>
public sealed record AssessmentContext(
    ISpatialStore Store,
    RuleBook Rules,
    PriceStack Prices,
    IReadOnlyList<TariffScenario> Scenarios,
    DateOnly Today)
{
    private SchemeDistanceBook? _distances;

    /// <summary>The scheme distances of these rules, by permit date.</summary>
    public SchemeDistanceBook Distances => _distances ??= new SchemeDistanceBook(Rules, Today);

    /// <summary>How far any scheme reaches under these rules (the largest multiple of H × the tallest turbine): bounds every search for plants near a site.</summary>
    public double SchemeSearchRadiusM => Distances.SearchRadiusM;

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
        if (Prices.CarriedForward is { } carried)
            provenance.Assume(carried);
    }
}
