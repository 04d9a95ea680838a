namespace VeSiting.Core.Noise;

/// <summary>The land use a dwelling's limits follow.</summary>
public enum NoiseAreaKind
{
    /// <summary>Neighbour dwellings in open country (the higher limits).</summary>
    OpenCountry,
    /// <summary>Housing, institutions, allotments, recreation: noise-sensitive land use (the lower limits).</summary>
    NoiseSensitive,
    /// <summary>Summer-house areas: noise-sensitive, and the summer-house façade insulation for low frequency.</summary>
    SummerHouse,
}

/// <summary>The area a dwelling lies in, as the user's noise-sensitive areas layer says (or open country by default).</summary>
public sealed record NoiseArea(NoiseAreaKind Kind, string? Name = null, bool FromLayer = false)
{
    /// <summary>No noise-sensitive areas loaded: every dwelling is judged as in open country, and the answer says so.</summary>
    public static NoiseArea DefaultOpenCountry { get; } = new(NoiseAreaKind.OpenCountry);

    public bool IsNoiseSensitive => Kind is NoiseAreaKind.NoiseSensitive or NoiseAreaKind.SummerHouse;

    /// <summary>The kind a layer's category text names: summer houses (sommerhus), open country or business (åben land, erhverv, industri), else noise-sensitive (bolig, institution, kolonihave, rekreativ, or no category).</summary>
    public static NoiseAreaKind KindOf(string? category)
    {
        var c = (category ?? "").Trim().ToLowerInvariant();
        if (c.Contains("sommerhus") || c.Contains("summer"))
            return NoiseAreaKind.SummerHouse;
        string[] notSensitive = ["åben", "open", "landzone", "erhverv", "industri", "business", "industrial"];
        return notSensitive.Any(c.Contains) ? NoiseAreaKind.OpenCountry : NoiseAreaKind.NoiseSensitive;
    }
}
