namespace VeSiting.Api.Contracts;

/// <summary>Totals for one municipality.</summary>
public sealed record MunicipalityAnswer(
    string Code,
    string Name,
    IReadOnlyList<TechnologySummary> Technologies,
    IReadOnlyList<GreenPoolPeriod> GreenPool,
    string GreenPoolWhy,
    int Addresses,
    IReadOnlyDictionary<string, int> AddressesInSchemeRings,
    double VeBonusDkkPerYear,
    string VeBonusWhy,
    IReadOnlyList<ProjectBonusPaidDto> VeBonusByProject,
    IReadOnlyList<ZoneCoverage> TariffZones,
    AddressCoverageDto? AddressCoverage,
    string? HouseholdBasis,
    ProvenanceDto Provenance,
    IReadOnlyList<string> Attribution,
    string DataVersion)
{
    /// <summary>The municipality's addresses that are registered turbines' own, not homes: left out of <see cref="AddressesInSchemeRings"/>.</summary>
    public IReadOnlyList<TurbineAddressDto> TurbineAddresses { get; init; } = [];

    /// <summary>Dwellings here and the shadow flicker they get from the turbines in operation (its own part).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShadowFlickerAnswer? ShadowFlicker { get; init; }

    /// <summary>Dwellings here over the noise limits from the wind turbines in operation (its own part).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AreaNoiseAnswer? Noise { get; init; }

    /// <summary><see cref="GreenPoolWhy"/>, <see cref="VeBonusWhy"/> and <see cref="HouseholdBasis"/> as codes and values.</summary>
    public Reason? GreenPoolWhyReason { get; init; }

    public Reason? VeBonusWhyReason { get; init; }

    public Reason? HouseholdBasisReason { get; init; }

    /// <summary>Each ring of <see cref="AddressesInSchemeRings"/> (keyed by its English label, as always) in the answer's language, as a reason.</summary>
    public IReadOnlyDictionary<string, Reason> AddressesInSchemeRingsLabels { get; init; } = new Dictionary<string, Reason>();

    public static MunicipalityAnswer Of(MunicipalityAssessment a) => new(
        a.Area.Code, a.Area.Name, a.Technologies, a.GreenPool, a.GreenPoolWhy.Rendered, a.Addresses, a.AddressesInSchemeRings,
        Math.Round(a.VeBonusDkkPerYear, 2), a.VeBonusWhy.Rendered, [.. a.VeBonusByProject.Select(ProjectBonusPaidDto.Of)],
        [.. a.TariffZones.Select(z => z.ZoneId == "" ? z with { Label = Reason.Of("tariff.no-zone-label").Rendered } : z)],
        a.AddressCoverage is { } c ? AddressCoverageDto.Of(c) : null, a.HouseholdBasis?.Because.Rendered, ProvenanceDto.Of(a.Provenance), a.Attributions, a.DataVersion)
    {
        TurbineAddresses = TurbineAddressDto.Of(a.TurbineAddresses),
        GreenPoolWhyReason = a.GreenPoolWhy,
        VeBonusWhyReason = a.VeBonusWhy,
        HouseholdBasisReason = a.HouseholdBasis?.Because,
        AddressesInSchemeRingsLabels = a.SchemeRingLabels,
    };
}

/// <summary>One project's VE-bonus to the municipality's households; <see cref="Grouping"/> in the answer's language, beside it as data.</summary>
public sealed record ProjectBonusPaidDto(string ProjectId, string Grouping, int Members, int HouseholdsHere, int HouseholdsTotal, double PerHouseholdDkk, double PaidHereDkk)
{
    public Reason? GroupingReason { get; init; }

    public static ProjectBonusPaidDto Of(ProjectBonusPaid p) =>
        new(p.ProjectId, p.Grouping.Rendered, p.Members, p.HouseholdsHere, p.HouseholdsTotal, p.PerHouseholdDkk, p.PaidHereDkk) { GroupingReason = p.Grouping };
}
