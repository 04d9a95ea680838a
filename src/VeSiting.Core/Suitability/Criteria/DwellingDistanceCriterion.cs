namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Distance to the nearest dwelling (access address): nuisance and safety.</summary>
internal sealed class DwellingDistanceCriterion : SitingCriterion
{
    public override string Id => "dwelling-distance";
    public override string Unit => "m";

    internal override SiteReads Reads => SiteReads.NearestDwelling;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run) =>
        site.Dwelling is { } n ? new(n.DistanceM, Reason.Of("siting.dwelling-at", ("address", n.Address.Label), ("distance", n.DistanceM))) : new(null, Reason.Of("siting.no-dwelling"));

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        bands.Distance(bands.Inputs.Dwellings.Select(d => (d.Position.X, d.Position.Y)).ToList());
}
