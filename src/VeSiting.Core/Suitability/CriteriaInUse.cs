using VeSiting.Core.Suitability.Criteria;

namespace VeSiting.Core.Suitability;

/// <summary>The profile's criteria that can be measured with the layers supplied; optional ones without a layer are skipped with a note.</summary>
public static class CriteriaInUse
{
    public static IReadOnlyList<CriterionSpec> Select(SitingProfile profile, SitingInputs inputs, List<Reason> notes)
    {
        var active = new List<CriterionSpec>();
        foreach (var c in profile.Criteria)
        {
            var criterion = SitingCriteria.Find(c.Criterion) ?? throw new ArgumentException($"profile {profile.Id}: unknown criterion '{c.Criterion}'");
            var available = !criterion.NeedsLayer || c.Layer is { } layer && inputs.Has(criterion.Layer, layer);
            if (available)
                active.Add(c);
            else if (c.Optional)
                notes.Add(Reason.Of("siting.criterion-skipped", ("criterion", c.Criterion), ("layer", c.Layer ?? ""), ("kind", Reason.Of(criterion.Layer == UserLayerKind.Polygons ? "siting.layer-kind.polygons" : "siting.layer-kind.layer"))));
            else
                throw new ArgumentException($"profile {profile.Id}: criterion {c.Criterion} needs the user {criterion.Layer.Noun()} '{c.Layer}'");
        }
        if (active.Count < profile.Criteria.Count)
            notes.Add(Reason.Of("siting.missing-layers", ("layers", string.Join(", ", Missing(profile, active)))));
        var totalWeight = active.Sum(c => c.Weight);
        if (totalWeight <= 0)
            throw new ArgumentException($"profile {profile.Id}: the weights of the criteria in use sum to {totalWeight}; at least one must be positive");
        return active;
    }

    /// <summary>The layers the profile names that were not supplied (their criteria were skipped).</summary>
    public static IReadOnlyList<string> Missing(SitingProfile profile, IReadOnlyList<CriterionSpec> active) =>
        profile.Criteria.Except(active).Select(c => c.Layer ?? c.Criterion).Distinct().ToList();

    /// <summary>The notes of the criteria in use (how they are approximated), each once.</summary>
    internal static IEnumerable<Reason> Notes(IEnumerable<SitingCriterion> criteria) =>
        criteria.Distinct().Select(c => c.Note).OfType<Reason>();
}
