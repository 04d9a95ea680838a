using VeSiting.Core.Assessments;

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
    IReadOnlyList<ProjectBonusPaid> VeBonusByProject,
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

    public static MunicipalityAnswer Of(MunicipalityAssessment a) => new(
        a.Area.Code, a.Area.Name, a.Technologies, a.GreenPool, a.GreenPoolWhy, a.Addresses, a.AddressesInSchemeRings,
        Math.Round(a.VeBonusDkkPerYear, 2), a.VeBonusWhy, a.VeBonusByProject, a.TariffZones,
        a.AddressCoverage is { } c ? AddressCoverageDto.Of(c) : null, a.HouseholdBasis?.Statement, ProvenanceDto.Of(a.Provenance), a.Attributions, a.DataVersion)
    { TurbineAddresses = TurbineAddressDto.Of(a.TurbineAddresses) };
}
