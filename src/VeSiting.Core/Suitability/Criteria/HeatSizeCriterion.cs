using static VeSiting.Core.Suitability.Criteria.WhyText;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Supply area of the nearest district-heating plant.</summary>
internal sealed class HeatSizeCriterion : SitingCriterion
{
    public override string Id => "heat-size";
    public override string Unit => "km²";

    internal override SiteReads Reads => SiteReads.NearestHeat;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run) =>
        site.Heat is (var plant, var d)
            ? new(plant.SupplyAreaKm2, Reason.Of("siting.heat-size", ("plant", plant.Name), ("distance", d), ("size", Show(plant.SupplyAreaKm2, Unit))))
            : new(null, Reason.Of("siting.no-heat-plant"));

    /// <summary>The heat distance transform (shared with heat-distance) then keeps each cell's nearest plant.</summary>
    internal override void Prepare(CriterionBands bands) => bands.KeepNearestHeat = true;

    internal override float[] Band(CriterionSpec spec, CriterionBands bands)
    {
        var nearest = bands.Heat().Nearest!;
        var sizes = bands.Inputs.DistrictHeating.Select(h => h.SupplyAreaKm2 is { } a ? (float)a : float.NaN).ToArray();
        var band = new float[bands.Grid.Count];
        for (long i = 0; i < band.LongLength; i++) band[i] = nearest[i] < 0 ? float.NaN : sizes[nearest[i]];
        return band;
    }
}
