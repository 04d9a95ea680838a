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

    /// <summary>The kind a layer's use category names under the noise order (<see cref="NoiseAreaCategory"/>).</summary>
    public static NoiseAreaKind KindOf(string? category) => NoiseAreaCategory.KindOf(category ?? "");
}
