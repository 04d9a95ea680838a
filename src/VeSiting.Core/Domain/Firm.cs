namespace VeSiting.Core.Domain;

/// <summary>
/// A firm of the user's firms layer (<c>vesiting data add firms</c>): where it takes its power (a point in EPSG:25832), its
/// annual consumption and, when given, its CVR number (the Danish business register's eight digits).
/// </summary>
public sealed record Firm
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Point Position { get; init; }
    public required double AnnualKwh { get; init; }
    public required RecordOrigin Origin { get; init; }
    public string? Cvr { get; init; }
}
