using VeSiting.Core.Suitability.Raster;
using static VeSiting.Core.Suitability.Criteria.WhyText;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Distance to the nearest district-heating plant, a buyer of surplus heat.</summary>
internal sealed class HeatDistanceCriterion : SitingCriterion
{
    public override string Id => "heat-distance";
    public override string Unit => "m";
    public override string Meaning => "distance to the nearest district-heating plant (a buyer of surplus heat)";

    internal override SiteReads Reads => SiteReads.NearestHeat;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run) =>
        site.Heat is (var plant, var d) ? new(d, $"{plant.Name} at {F(d)} m") : new(null, "no district-heating plant in the data");

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) => bands.Heat().Distance;
}
