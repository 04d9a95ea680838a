namespace VeSiting.Core.Noise;

/// <summary>
/// Which use categories count as noise-sensitive under the noise order (BEK 135/2019 § 4: areas used for, or planned for,
/// housing, summer houses, institutions, allotments or recreation). A category counts when it names one of these, in English or
/// in Plandata.dk's Danish words; any other category (business, industry, centre, open land, technical) does not, and a dwelling
/// there is judged against the open-country limits. Summer-house areas are kept apart: their low-frequency façade insulation differs.
/// </summary>
public static class NoiseAreaCategory
{
    /// <summary>Words (lower case, matched as parts of the category) that make an area noise-sensitive, per kind.</summary>
    public static IReadOnlyList<(string Word, NoiseAreaKind Kind)> Words { get; } =
    [
        ("sommerhus", NoiseAreaKind.SummerHouse), ("summer", NoiseAreaKind.SummerHouse),
        ("bolig", NoiseAreaKind.NoiseSensitive), ("housing", NoiseAreaKind.NoiseSensitive), ("residential", NoiseAreaKind.NoiseSensitive),
        ("institution", NoiseAreaKind.NoiseSensitive), ("offentlige formål", NoiseAreaKind.NoiseSensitive),
        ("kolonihave", NoiseAreaKind.NoiseSensitive), ("allotment", NoiseAreaKind.NoiseSensitive),
        ("rekreativ", NoiseAreaKind.NoiseSensitive), ("recreation", NoiseAreaKind.NoiseSensitive),
    ];

    /// <summary>The kind of a category: the first word it contains, else open country (not noise-sensitive).</summary>
    public static NoiseAreaKind KindOf(string category)
    {
        var c = category.Trim().ToLowerInvariant();
        foreach (var (word, kind) in Words)
        {
            if (c.Contains(word, StringComparison.Ordinal))
                return kind;
        }
        return NoiseAreaKind.OpenCountry;
    }

    /// <summary>The area a point lies in given the polygons containing it: summer house before other noise-sensitive use before open country.</summary>
    public static NoiseArea AreaOf(IEnumerable<NoiseAreaPolygon> containing)
    {
        var best = containing.OrderBy(p => p.Kind switch { NoiseAreaKind.SummerHouse => 0, NoiseAreaKind.NoiseSensitive => 1, _ => 2 })
            .ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        return best?.Area ?? new NoiseArea(NoiseAreaKind.OpenCountry, FromLayer: true);
    }
}
