namespace VeSiting.Core.Stores;

/// <summary>Which plants a query considers. Empty sets mean "any".</summary>
public sealed record PlantFilter
{
    public static PlantFilter Any { get; } = new();

    /// <summary>The default for neighbour questions: plants in operation.</summary>
    public static PlantFilter Operating { get; } = new() { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating } };

    public IReadOnlySet<PlantKind> Kinds { get; init; } = new HashSet<PlantKind>();
    public IReadOnlySet<PlantStatus> Statuses { get; init; } = new HashSet<PlantStatus>();
    /// <summary>Minimum total height in metres; plants whose height is unknown do not pass.</summary>
    public double? MinTotalHeightM { get; init; }
    /// <summary>Only plants connected on or before this date (unknown dates do not pass).</summary>
    public DateOnly? ConnectedOnOrBefore { get; init; }
    /// <summary>Only plants connected on or after this date (unknown dates do not pass).</summary>
    public DateOnly? ConnectedOnOrAfter { get; init; }
    public int? MunicipalityCode { get; init; }
    public Siting? Siting { get; init; }

    public bool Matches(Plant plant) =>
        (Kinds.Count == 0 || Kinds.Contains(plant.Kind))
        && (Statuses.Count == 0 || Statuses.Contains(plant.Status))
        && (MinTotalHeightM is not { } h || plant.TotalHeightM >= h)
        && (ConnectedOnOrBefore is not { } before || plant.ConnectedOn <= before)
        && (ConnectedOnOrAfter is not { } after || plant.ConnectedOn >= after)
        && (MunicipalityCode is not { } m || plant.MunicipalityCode == m)
        && (Siting is not { } s || plant.Siting == s);
}
