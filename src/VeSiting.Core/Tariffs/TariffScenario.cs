namespace VeSiting.Core.Tariffs;

public enum ZoneBasis
{
    /// <summary>Bands of distance (m or multiples of H) to the nearest covered plant.</summary>
    Distance,
    /// <summary>Score = Σ capacity MW × (1 − d / radius) over covered plants within the radius.</summary>
    CapacityWeighted,
}

public sealed record TariffZone(string Id, string Label, double? MaxDistanceM, double? MaxMultipleOfH, double? MinScore, IReadOnlyDictionary<PriceComponent, double> Discounts);

/// <summary>Which plants create zones in a scenario.</summary>
public sealed record CoveredPlantFilter(IReadOnlySet<PlantKind> Kinds, IReadOnlySet<PlantStatus> Statuses, double? MinWindTotalHeightM, double? MinSolarCapacityKw)
{
    /// <summary>
    /// Only plants connected on or after this date make zones (a planned plant always does: it is not connected yet); an operating
    /// plant without a connection date does not, and one known only to the year counts when the whole year is on or after it.
    /// Null: every plant of the kinds and statuses, old or new.
    /// </summary>
    public DateOnly? ConnectedFrom { get; init; }

    public bool Covers(Plant plant) =>
        Kinds.Contains(plant.Kind)
        && (Statuses.Count == 0 || Statuses.Contains(plant.Status))
        && (plant.Kind != PlantKind.WindTurbine || MinWindTotalHeightM is not { } h || plant.TotalHeightM >= h)
        && (plant.Kind != PlantKind.SolarPark || MinSolarCapacityKw is not { } kw || plant.CapacityKw >= kw)
        && (ConnectedFrom is not { } from || plant.Status == PlantStatus.Planned || plant.ConnectedOn is { } on && on >= from);
}

/// <summary>A distance-differentiated tariff scenario: zones, in order, each discounting named price components.</summary>
public sealed record TariffScenario
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required ZoneBasis Basis { get; init; }
    public double? WeightingRadiusM { get; init; }
    public required CoveredPlantFilter CoveredPlants { get; init; }
    public required IReadOnlyList<TariffZone> Zones { get; init; }
    public required string Sha256 { get; init; }
    public required string File { get; init; }

    /// <summary>Largest multiple of H for bands given in H: the tallest turbines in Denmark are about 250 m.</summary>
    private const double TallestTurbineM = 300;

    public Rules.RuleSetRef Ref => new(Id, Version, Sha256[..12]);

    /// <summary>How far from a site plants can matter for this scenario.</summary>
    public double SearchRadiusM => Basis == ZoneBasis.CapacityWeighted
        ? WeightingRadiusM ?? 0
        : Zones.Max(z => Math.Max(z.MaxDistanceM ?? 0, (z.MaxMultipleOfH ?? 0) * TallestTurbineM));
}
