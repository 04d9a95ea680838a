namespace VeSiting.Core.Domain;

/// <summary>A DAGI area: municipality (code "0101"), region (1081–1085) or postcode area; geometry in EPSG:25832.</summary>
public sealed record AdminArea
{
    public required AdminAreaKind Kind { get; init; }
    /// <summary>The publisher's code as text ("0101", "1084", "2800").</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required Geometry Geometry { get; init; }
    public required RecordOrigin Origin { get; init; }

    /// <summary>The code as a number (municipality 101, region 1084, postcode 2800), or null if it is not numeric.</summary>
    public int? NumericCode => int.TryParse(Code, out var n) ? n : null;
}
