namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Distance to the nearest point of a layer the user supplies.</summary>
internal sealed class PointsDistanceCriterion : SitingCriterion
{
    public override string Id => "points-distance";
    public override string Unit => "m";
    public override UserLayerKind Layer => UserLayerKind.Points;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run) =>
        SiteMeasures.Nearest(run.Points(spec.Layer!), candidate.Position, p => p) is { } n
            ? new(n.Distance, Reason.Of("siting.points-nearest", ("layer", spec.Layer!), ("distance", n.Distance)))
            : new(null, Reason.Of("siting.layer-empty", ("layer", spec.Layer!)));

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        bands.Distance(bands.Inputs.PointLayers[spec.Layer!].Select(p => (p.X, p.Y)).ToList());
}
