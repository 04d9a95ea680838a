namespace VeSiting.Core.Rules;

/// <summary>One number of a rule set with its unit, source and confidence.</summary>
public sealed record RuleValue(double Value, string Unit, string Source, Confidence Confidence, string? Note = null)
{
    /// <summary>The note as a reason when it is ours rather than the rule file's (whose note is data, shown as written).</summary>
    public Explanations.Reason? NoteReason { get; init; }
}
