namespace VeSiting.Api.Contracts;

/// <summary>
/// Which rules an answer used, which of their values are only reported (secondary sources) or unconfirmed, what it
/// assumed, and what each kind of element of the answer is: law (a rule in force), proposal (tariff scenarios) or
/// estimate (production, prices, households, groupings inferred).
/// </summary>
public sealed record ProvenanceDto(IReadOnlyList<string> RuleSets, IReadOnlyList<string> Unconfirmed, IReadOnlyList<string> Reported, IReadOnlyList<string> Assumptions,
    IReadOnlyDictionary<string, string> Statuses)
{
    /// <summary><see cref="Unconfirmed"/> as codes and values.</summary>
    public IReadOnlyList<Reason> UnconfirmedReasons { get; init; } = [];

    /// <summary><see cref="Reported"/> as codes and values.</summary>
    public IReadOnlyList<Reason> ReportedReasons { get; init; } = [];

    /// <summary><see cref="Assumptions"/> as codes and values.</summary>
    public IReadOnlyList<Reason> AssumptionReasons { get; init; } = [];

    /// <summary>The status of each kind of element, stated once in every answer.</summary>
    public static IReadOnlyDictionary<string, string> StatusLegend { get; } = new Dictionary<string, string>
    {
        ["findings"] = Status(AnswerStatus.Law),
        ["greenPool"] = Status(AnswerStatus.Law),
        ["rings"] = Status(AnswerStatus.Law),
        ["veBonus"] = Status(AnswerStatus.Estimate),
        ["production"] = Status(AnswerStatus.Estimate),
        ["prices"] = Status(AnswerStatus.Estimate),
        ["tariffZones"] = Status(AnswerStatus.Proposal),
    };

    public static string Status(AnswerStatus status) => status.ToString().ToLowerInvariant();

    public static ProvenanceDto Of(Provenance p) =>
        new(p.RuleSets.Select(r => r.ToString()).ToList(), p.Unconfirmed.Select(u => u.ToString()).ToList(), p.Reported.Select(u => u.ToString()).ToList(),
            p.Assumptions.ToList(), StatusLegend)
        {
            UnconfirmedReasons = [.. p.Unconfirmed.Select(u => u.Why)],
            ReportedReasons = [.. p.Reported.Select(u => u.Why)],
            AssumptionReasons = p.AssumptionReasons,
        };
}
