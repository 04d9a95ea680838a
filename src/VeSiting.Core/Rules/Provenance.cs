namespace VeSiting.Core.Rules;

/// <summary>A value an answer relied on that is not confirmed by a primary source (reported or unconfirmed).</summary>
public sealed record UnconfirmedValue(RuleSetRef RuleSet, string Key, RuleValue Value)
{
    /// <summary>What the value is and how sure it is; the rule file's note (data, as written there) after it.</summary>
    public Reason Why
    {
        get
        {
            var confidence = Reason.Of(Value.Confidence == Confidence.Reported ? "provenance.reported" : "provenance.unconfirmed");
            (string, object)[] values = [("key", Key), ("value", Value.Value), ("unit", Value.Unit), ("ruleSet", RuleSet.ToString()), ("confidence", confidence)];
            return Value.NoteReason is { } ours ? Reason.Of("provenance.value-note", [.. values, ("note", ours)])
                : Value.Note is null ? Reason.Of("provenance.value", values) : Reason.Of("provenance.value-note", [.. values, ("note", Value.Note)]);
        }
    }

    /// <summary><see cref="Why"/> in the answer's language.</summary>
    public override string ToString() => Why.Rendered;
}

/// <summary>Collects, while an answer is computed, every rule set and every unconfirmed value it uses.</summary>
public sealed class Provenance
{
    private readonly List<RuleSetRef> _ruleSets = [];
    private readonly List<UnconfirmedValue> _unconfirmed = [];
    private readonly List<UnconfirmedValue> _reported = [];
    private readonly List<Reason> _assumptions = [];

    public IReadOnlyList<RuleSetRef> RuleSets => _ruleSets;
    public IReadOnlyList<UnconfirmedValue> Unconfirmed => _unconfirmed;
    /// <summary>Values taken from a secondary source (a municipality, the press), not from the law or the authority.</summary>
    public IReadOnlyList<UnconfirmedValue> Reported => _reported;
    /// <summary>Approximations the answer made (e.g. "permit date taken as connection date").</summary>
    /// <remarks>In the answer's language (<see cref="MessageCatalogue.Current"/>) when read.</remarks>
    public IReadOnlyList<string> Assumptions => [.. _assumptions.Select(a => a.Rendered)];

    /// <summary>The assumptions as codes and values.</summary>
    public IReadOnlyList<Reason> AssumptionReasons => _assumptions;

    /// <summary>Reads a value, recording the rule set and, unless confirmed, the value.</summary>
    public RuleValue Use(RuleSet set, string key) => Record(set, key, set[key]);

    public RuleValue? UseOptional(RuleSet set, string key) => set.Optional(key) is { } value ? Record(set, key, value) : null;

    public void UseSet(RuleSet set)
    {
        if (!_ruleSets.Contains(set.Ref))
            _ruleSets.Add(set.Ref);
    }

    public void Uses(RuleSetRef reference, string key, RuleValue value)
    {
        if (!_ruleSets.Contains(reference))
            _ruleSets.Add(reference);
        var list = value.Confidence switch { Confidence.Unconfirmed => _unconfirmed, Confidence.Reported => _reported, _ => null };
        if (list is not null && !list.Any(u => u.RuleSet == reference && u.Key == key))
            list.Add(new UnconfirmedValue(reference, key, value));
    }

    /// <summary>Text that is not a sentence of ours (a price stack's note): shown as it is in every language.</summary>
    public void Assume(string assumption) => Assume(Reason.Plain(assumption));

    public void Assume(Reason assumption)
    {
        if (!_assumptions.Contains(assumption))
            _assumptions.Add(assumption);
    }

    private RuleValue Record(RuleSet set, string key, RuleValue value)
    {
        Uses(set.Ref, key, value);
        return value;
    }
}
