namespace VeSiting.Core.Suitability;

/// <summary>
/// One criterion of a profile. Its value is scored linearly from <see cref="Worst"/> (0) to <see cref="Best"/> (1),
/// clamped; <see cref="RequiredMin"/>/<see cref="RequiredMax"/> exclude a site instead of scoring it.
/// </summary>
public sealed record CriterionSpec(string Criterion, double Weight, double Worst, double Best)
{
    public double? RadiusM { get; init; }
    /// <summary>For point-layer and regional criteria: the name of the user's layer or table.</summary>
    public string? Layer { get; init; }
    /// <summary>For regional-figure: the level whose figures it takes (municipality, landsdel or region); unset, the finest the table has for the site.</summary>
    public string? Level { get; init; }
    public double? RequiredMin { get; init; }
    public double? RequiredMax { get; init; }
    /// <summary>Skipped (with a note) when its layer is not supplied, instead of failing.</summary>
    public bool Optional { get; init; }
}

/// <summary>What a kind of spin-off industry wants from a site: weighted criteria, thresholds, its power use.</summary>
public sealed record SitingProfile
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Why the criteria weigh what they weigh (e.g. a reweighting and the aim it follows).</summary>
    public string? Reason { get; init; }
    /// <summary>Tariff scenario whose zone and price the power criterion uses.</summary>
    public required string Scenario { get; init; }
    public required double AnnualKwh { get; init; }
    public required TimeOfUseShares Shares { get; init; }
    public required IReadOnlyList<CriterionSpec> Criteria { get; init; }
    public required string File { get; init; }
    public required string Sha256 { get; init; }

    public Rules.RuleSetRef Ref => new(Id, Version, Sha256[..12]);
}
