namespace VeSiting.Core.Rules;

/// <summary>One number of a rule set with its unit, source and confidence.</summary>
public sealed record RuleValue(double Value, string Unit, string Source, Confidence Confidence, string? Note = null);
