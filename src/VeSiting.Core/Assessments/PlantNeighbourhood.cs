using VeSiting.Core.Domain;
using VeSiting.Core.Rules;

namespace VeSiting.Core.Assessments;

/// <summary>One plant near a site: how far, whether it is covered, each scheme's finding and the VE-bonus it pays.</summary>
public sealed record PlantNeighbourhood(
    Plant Plant,
    double DistanceM,
    EligibilityResult Eligibility,
    PermitBasis Permit,
    IReadOnlyList<SchemeFinding> Findings,
    double? VeBonusDkkPerYear,
    string? VeBonusWhy)
{
    public double? MultipleOfH => Plant.TotalHeightM is { } h and > 0 ? DistanceM / h : null;
}
