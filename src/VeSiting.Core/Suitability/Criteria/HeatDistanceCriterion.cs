namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Distance to the nearest district-heating plant, a buyer of surplus heat.</summary>
internal sealed class HeatDistanceCriterion : SitingCriterion
{
    public override string Id => "heat-distance";
    public override string Unit => "m";

    internal override SiteReads Reads => SiteReads.NearestHeat;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run) =>
        site.Heat is (var plant, var d) ? new(d, Reason.Of("siting.heat-at", ("plant", plant.Name), ("distance", d))) : new(null, Reason.Of("siting.no-heat-plant"));

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) => bands.Heat().Distance;
}
