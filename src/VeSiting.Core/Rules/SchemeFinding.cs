namespace VeSiting.Core.Rules;

/// <summary>
/// Whether one scheme applies to one dwelling for one plant, and why. <see cref="AmountDkk"/> is the
/// scheme's money where it has some (VE-bonus per year, loss-of-value fee); <see cref="Violation"/> marks
/// a dwelling inside the minimum distance.
/// </summary>
public sealed record SchemeFinding(string Scheme, bool Applies, string Reason, RuleSetRef? RuleSet)
{
    public double? AmountDkk { get; init; }
    public bool Violation { get; init; }
    /// <summary>VE-bonus only: k per household in kW before any cap.</summary>
    public double? KPerHouseholdKw { get; init; }
}
