namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Points of a user layer within the radius (closed).</summary>
internal sealed class PointsCountCriterion : SitingCriterion
{
    public override string Id => "points-count";
    public override string Unit => "points";
    public override double DefaultRadiusM => 10_000;
    public override UserLayerKind Layer => UserLayerKind.Points;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var (at, radius) = (candidate.Position, RadiusOf(spec));
        var count = SiteMeasures.Within(run.Points(spec.Layer!), at, radius).Count(p => p.Distance(at) <= radius);
        return new(count, Reason.Of("siting.points-count", ("count", count), ("layer", spec.Layer!), ("radius", radius)));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        bands.Sum(bands.Inputs.PointLayers[spec.Layer!].Select(p => new RadiusItem(p, RadiusOf(spec), 1)).ToList(), RadiusKernel.ClosedDisc);
}
