namespace VeSiting.Core.Assessments;

/// <summary>
/// One plant near a site: how far, whether it is covered and each scheme's finding. The VE-bonus is per project
/// (<see cref="ProjectNeighbourhood"/>), never per plant.
/// </summary>
public sealed record PlantNeighbourhood(
    Plant Plant,
    double DistanceM,
    EligibilityResult Eligibility,
    PermitBasis Permit,
    IReadOnlyList<SchemeFinding> Findings)
{
    public double? MultipleOfH => Plant.TotalHeightM is { } h and > 0 ? DistanceM / h : null;
}
