namespace VeSiting.Core.Rules;

/// <summary>What kind of statement an element of an answer is.</summary>
public enum AnswerStatus
{
    /// <summary>Follows from a rule in force (VE-loven, its orders): the law as encoded in a rule set.</summary>
    Law,
    /// <summary>A proposal, not enacted: distance-differentiated tariff scenarios and any published scenario.</summary>
    Proposal,
    /// <summary>An estimate: production, prices, households per address and anything assumed.</summary>
    Estimate,
}
