namespace VeSiting.Core.Domain;

/// <summary>
/// A plant as the spatial engine indexes it: a wind turbine, wind farm, solar park or other plant,
/// existing, decommissioned or planned. The geometry is in EPSG:25832: a point, or the plant's area
/// (a polygon) where one is known, so that distances to solar parks are to their area.
/// </summary>
public sealed record Plant
{
    /// <summary>GSRN for registered turbines (kept as text: 18 digits overflow nothing but lose leading meaning as numbers), else a source-scoped id.</summary>
    public required string Id { get; init; }
    public required PlantKind Kind { get; init; }
    public required PlantStatus Status { get; init; }
    public required Geometry Geometry { get; init; }
    public required RecordOrigin Origin { get; init; }

    public string? Name { get; init; }
    public double? CapacityKw { get; init; }
    public double? HubHeightM { get; init; }
    public double? RotorDiameterM { get; init; }
    public Siting Siting { get; init; } = Siting.Unknown;
    public int? MunicipalityCode { get; init; }
    public string? MunicipalityName { get; init; }
    public DateOnly? ConnectedOn { get; init; }
    /// <summary>How precise <see cref="ConnectedOn"/> is: a day (the ENS register) or only a year (powerplantmatching).</summary>
    public DatePrecision ConnectedOnPrecision { get; init; } = DatePrecision.Day;
    public DateOnly? DecommissionedOn { get; init; }
    /// <summary>Date of the building permit; the schemes depend on it. Registers rarely carry it.</summary>
    public DateOnly? PermitDate { get; init; }
    /// <summary>Where <see cref="PermitDate"/> came from (e.g. "register", "permit-dates file x.csv"); null when unknown.</summary>
    public string? PermitDateSource { get; init; }
    /// <summary>
    /// The project (what one permit covers, e.g. a park) this plant belongs to; the neighbour schemes are per project.
    /// Null until grouped (see <see cref="ProjectBasis"/>).
    /// </summary>
    public string? ProjectId { get; init; }
    public ProjectBasis? ProjectBasis { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? Technology { get; init; }
    /// <summary>Sound power given with a planned layout (or a data sheet); null: estimated where noise is computed.</summary>
    public Noise.TurbineAcoustics? Acoustics { get; init; }

    /// <summary>Production per full calendar year in kWh, as published (needed for the VE-bonus).</summary>
    public IReadOnlyDictionary<int, double> AnnualProductionKwh { get; init; } = EmptyProduction;

    /// <summary>Total height H = hub height + rotor diameter / 2, when both are known.</summary>
    public double? TotalHeightM => HubHeightM is { } hub && RotorDiameterM is { } rotor ? hub + rotor / 2 : null;

    public double? CapacityMw => CapacityKw / 1000.0;

    /// <summary>The most recent calendar year with a published production figure, if any.</summary>
    public (int Year, double Kwh)? LatestAnnualProduction =>
        AnnualProductionKwh.Count == 0 ? null : AnnualProductionKwh.MaxBy(p => p.Key) is var p ? (p.Key, p.Value) : null;

    private static readonly IReadOnlyDictionary<int, double> EmptyProduction = new Dictionary<int, double>();
}
