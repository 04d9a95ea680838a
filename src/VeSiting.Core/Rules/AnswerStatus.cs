namespace VeSiting.Core.Rules;

/// <summary>What kind of statement an answer element is: law in force, a proposal, or an estimate.</summary>
public enum AnswerStatus
{
    /// <summary>Follows from a rule in force (an act, an order) for the permit period.</summary>
    Law,
    /// <summary>A proposal or published scenario, not law: distance-differentiated tariffs are one.</summary>
    Proposal,
    /// <summary>A modelled number: production, prices, bills.</summary>
    Estimate,
}
