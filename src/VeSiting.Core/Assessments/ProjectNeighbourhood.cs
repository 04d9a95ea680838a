using VeSiting.Core.Projects;

namespace VeSiting.Core.Assessments;

/// <summary>What one project means for a site under one permit date: each scheme at the nearest member and the one VE-bonus.</summary>
public sealed record PeriodOutcome(DateOnly PermitDate, Explanations.Reason Why, IReadOnlyList<SchemeFinding> Findings, double? VeBonusDkkPerYear, Explanations.Reason? VeBonusWhy);

/// <summary>
/// One project near a site: its members, the nearest member (distances and schemes are measured to it), the outcome
/// under the permit date assumed and, where the register only bounds the permit date, under each earlier rule period.
/// A household gets at most one VE-bonus per project, however many of its turbines are within reach.
/// </summary>
public sealed record ProjectNeighbourhood(
    PlantProject Project,
    PlantNeighbourhood Nearest,
    PermitBasis Permit,
    PeriodOutcome Outcome,
    IReadOnlyList<PeriodOutcome> OtherPeriods)
{
    public double? VeBonusDkkPerYear => Outcome.VeBonusDkkPerYear;
}
