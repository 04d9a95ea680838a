using VeSiting.Core.Rules;

namespace VeSiting.Api.Contracts;

/// <summary>Which rules an answer used, which of their values are unconfirmed, and what it assumed.</summary>
public sealed record ProvenanceDto(IReadOnlyList<string> RuleSets, IReadOnlyList<string> Unconfirmed, IReadOnlyList<string> Assumptions)
{
    public static ProvenanceDto Of(Provenance p) =>
        new(p.RuleSets.Select(r => r.ToString()).ToList(), p.Unconfirmed.Select(u => u.ToString()).ToList(), p.Assumptions.ToList());
}
