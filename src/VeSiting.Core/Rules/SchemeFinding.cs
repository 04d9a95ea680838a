namespace VeSiting.Core.Rules;

/// <summary>
/// Whether one scheme applies to one dwelling for one plant, and why. <see cref="AmountDkk"/> is the
/// scheme's money where it has some (VE-bonus per year, loss-of-value fee); <see cref="Violation"/> marks
/// a dwelling inside the minimum distance.
/// </summary>
public sealed record SchemeFinding(string Scheme, bool Applies, string Reason, RuleSetRef? RuleSet)
{
    /// <summary>A finding whose reason is data (<see cref="Why"/>); <see cref="Reason"/> is its English text.</summary>
    public SchemeFinding(string scheme, bool applies, Explanations.Reason why, RuleSetRef? ruleSet)
        : this(scheme, applies, why.Text, ruleSet) => Why = why;

    /// <summary>The reason as a code and values, rendered in any language (plain text when built from a string).</summary>
    public Explanations.Reason Why { get; init; } = Explanations.Reason.Plain(Reason);

    public double? AmountDkk { get; init; }
    public bool Violation { get; init; }
    /// <summary>VE-bonus only: k per household in kW before any cap.</summary>
    public double? KPerHouseholdKw { get; init; }
}
