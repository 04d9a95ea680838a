namespace VeSiting.Core.Suitability;

/// <summary>The profile's criteria that can be measured with the layers supplied; optional ones without a layer are skipped with a note.</summary>
public static class CriteriaInUse
{
    public static IReadOnlyList<CriterionSpec> Select(SitingProfile profile, SitingInputs inputs, List<string> notes)
    {
        var active = new List<CriterionSpec>();
        foreach (var c in profile.Criteria)
        {
            var definition = Criteria.Find(c.Criterion) ?? throw new ArgumentException($"profile {profile.Id}: unknown criterion '{c.Criterion}'");
            var available = !definition.NeedsLayer || c.Layer is { } layer && c.Criterion switch
            {
                "regional-figure" => inputs.RegionalFigures.ContainsKey(layer),
                "oxygen-demand" => inputs.WeightedLayers.ContainsKey(layer),
                "farmland" => inputs.PolygonLayers.ContainsKey(layer),
                _ => inputs.PointLayers.ContainsKey(layer),
            };
            if (available)
                active.Add(c);
            else if (c.Optional)
                notes.Add($"criterion {c.Criterion} ({c.Layer}) skipped: no {(c.Criterion == "farmland" ? "polygon " : "")}layer '{c.Layer}' was supplied");
            else
                throw new ArgumentException($"profile {profile.Id}: criterion {c.Criterion} needs the user {(c.Criterion == "farmland" ? "polygon " : "")}layer '{c.Layer}'");
        }
        if (active.Count < profile.Criteria.Count)
            notes.Add($"missing layers: {string.Join(", ", Missing(profile, active))}");
        var totalWeight = active.Sum(c => c.Weight);
        if (totalWeight <= 0)
            throw new ArgumentException($"profile {profile.Id}: the weights of the criteria in use sum to {totalWeight}; at least one must be positive");
        return active;
    }

    /// <summary>The layers the profile names that were not supplied (their criteria were skipped).</summary>
    public static IReadOnlyList<string> Missing(SitingProfile profile, IReadOnlyList<CriterionSpec> active) =>
        profile.Criteria.Except(active).Select(c => c.Layer ?? c.Criterion).Distinct().ToList();
}
