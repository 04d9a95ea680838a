namespace VeSiting.Core.Rules;

/// <summary>All rule sets in force, found by scheme and permit date.</summary>
public sealed class RuleBook
{
    private readonly IReadOnlyList<RuleSet> _sets;

    public RuleBook(IEnumerable<RuleSet> sets)
    {
        _sets = sets.ToList();
        foreach (var scheme in _sets.GroupBy(s => (s.Scheme, s.Priority)))
        {
            var ordered = scheme.OrderBy(s => s.Period.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].Period.To is not { } end || end >= ordered[i].Period.From)
                    throw new ArgumentException($"Rule sets {ordered[i - 1].File} and {ordered[i].File} both cover permits from {ordered[i].Period.From:yyyy-MM-dd} for scheme {scheme.Key.Scheme}");
            }
        }
    }

    public IReadOnlyList<RuleSet> All => _sets;

    /// <summary>The rule set of a scheme for a permit date; a user's set wins over the defaults. Null when no period covers the date.</summary>
    public RuleSet? Find(string scheme, DateOnly permitDate) =>
        _sets.Where(s => s.Scheme == scheme && s.Period.Contains(permitDate)).MaxBy(s => s.Priority);

    /// <summary>As <see cref="Find"/>, for schemes that must exist (estimates, eligibility).</summary>
    public RuleSet Require(string scheme, DateOnly permitDate) =>
        Find(scheme, permitDate) ?? throw new RulePeriodException(scheme, permitDate, Earliest(scheme));

    /// <summary>The first date any rule set of the scheme covers (null when the scheme has none).</summary>
    public DateOnly? Earliest(string scheme) => _sets.Where(s => s.Scheme == scheme).Select(s => (DateOnly?)s.Period.From).Min();

    /// <summary>The first date any rule set at all covers.</summary>
    public DateOnly? EarliestOfAll => _sets.Select(s => (DateOnly?)s.Period.From).Min();

    /// <summary>Refuses a permit date that no rule period of any scheme covers.</summary>
    public void EnsureCovered(DateOnly permitDate)
    {
        if (EarliestOfAll is { } earliest && permitDate < earliest)
            throw new RulePeriodException("any scheme", permitDate, earliest);
    }
}

/// <summary>A permit date before every rule period of a scheme: the rules for it are not known.</summary>
public sealed class RulePeriodException(string scheme, DateOnly permitDate, DateOnly? earliest)
    : Exception(earliest is { } e
        ? $"Permit date {permitDate:yyyy-MM-dd} is before every rule period of {scheme} (the earliest starts {e:yyyy-MM-dd})."
        : $"No rule set of scheme {scheme} is loaded.")
{
    public DateOnly PermitDate { get; } = permitDate;
}
