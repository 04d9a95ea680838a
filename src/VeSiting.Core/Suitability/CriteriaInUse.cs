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
            var available = !definition.NeedsLayer || c.Layer is { } layer && (c.Criterion == "regional-figure" ? inputs.RegionalFigures.ContainsKey(layer) : inputs.PointLayers.ContainsKey(layer));
            if (available)
                active.Add(c);
            else if (c.Optional)
                notes.Add($"criterion {c.Criterion} ({c.Layer}) skipped: no layer '{c.Layer}' was supplied");
            else
                throw new ArgumentException($"profile {profile.Id}: criterion {c.Criterion} needs the user layer '{c.Layer}'");
        }
        var totalWeight = active.Sum(c => c.Weight);
        if (totalWeight <= 0)
            throw new ArgumentException($"profile {profile.Id}: the weights of the criteria in use sum to {totalWeight}; at least one must be positive");
        return active;
    }
}
