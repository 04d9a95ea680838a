namespace VeSiting.Core.Rules;

/// <summary>
/// One scheme's values for one permit period, as loaded from a rule file. <see cref="Sha256"/> is the hash
/// of the file's bytes: with id and version it identifies exactly which rules an answer used.
/// </summary>
public sealed record RuleSet
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Scheme { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? LegalBasis { get; init; }
    public required PermitPeriod Period { get; init; }
    public required IReadOnlyDictionary<string, RuleValue> Values { get; init; }
    public required string Sha256 { get; init; }
    public required string File { get; init; }
    /// <summary>Where the file came from: the project's defaults or a user's folder (which wins on overlap).</summary>
    public int Priority { get; init; }
    /// <summary>Plant-eligibility sets only: areas whose plants are not covered (test centres, tendered offshore parks).</summary>
    public IReadOnlyList<EligibilityExclusion> Exclusions { get; init; } = [];

    public RuleSetRef Ref => new(Id, Version, Sha256[..12]);

    public RuleValue? Optional(string key) => Values.GetValueOrDefault(key);

    public RuleValue this[string key] => Values.TryGetValue(key, out var v)
        ? v
        : throw new KeyNotFoundException($"Rule set {Id} {Version} ({File}) has no value '{key}'");
}

/// <summary>Which rule set an answer used: id, version and the first 12 hex digits of the file's SHA-256.</summary>
public sealed record RuleSetRef(string Id, string Version, string Hash)
{
    public override string ToString() => $"{Id}@{Version} ({Hash})";
}
