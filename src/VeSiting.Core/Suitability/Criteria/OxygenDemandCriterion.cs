namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Tonnes of oxygen a year wanted by the users of a weighted point layer within the radius (closed).</summary>
internal sealed class OxygenDemandCriterion : SitingCriterion
{
    public override string Id => "oxygen-demand";
    public override string Unit => "t O2/yr";
    public override double DefaultRadiusM => 20_000;
    public override UserLayerKind Layer => UserLayerKind.WeightedPoints;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var (at, radius) = (candidate.Position, RadiusOf(spec));
        var users = SiteMeasures.Within(run.WeightedPoints(spec.Layer!), at, radius).Where(p => p.Point.Distance(at) <= radius).ToList();
        var tonnes = users.Sum(p => p.Value);
        return new(tonnes, Reason.Of("siting.oxygen", ("tonnes", tonnes), ("count", users.Count), ("layer", spec.Layer!), ("radius", radius)));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        bands.Sum(bands.Inputs.WeightedLayers[spec.Layer!].Select(p => new RadiusItem(p.Point, RadiusOf(spec), p.Value)).ToList(), RadiusKernel.ClosedDisc);
}
