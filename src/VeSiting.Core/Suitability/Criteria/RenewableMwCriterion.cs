namespace VeSiting.Core.Suitability.Criteria;

/// <summary>Capacity of covered wind and solar, operating or planned, within the radius (closed).</summary>
internal sealed class RenewableMwCriterion : SitingCriterion
{
    public override string Id => "renewable-mw";
    public override string Unit => "MW";
    public override double DefaultRadiusM => 10_000;

    internal override double PlantReach(CriterionSpec spec, SitingInputs inputs) => RadiusOf(spec);

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var radius = RadiusOf(spec);
        var mw = site.Plants
            .Where(p => Counts(p.Plant, run.Inputs) && p.DistanceM <= radius)
            .Sum(p => p.Plant.CapacityMw ?? 0);
        return new(mw, Reason.Of("siting.renewable-mw", ("mw", mw), ("radius", radius)));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands)
    {
        var radius = RadiusOf(spec);
        var inputs = bands.Inputs;
        var plants = inputs.Plants.Concat(inputs.PlannedTurbines)
            .Where(p => Counts(p, inputs))
            .Select(p => new RadiusItem(p.Geometry, radius, p.CapacityMw ?? 0)).ToList();
        return bands.Sum(plants, RadiusKernel.ClosedDisc);
    }

    private static bool Counts(Plant plant, SitingInputs inputs) => plant.Status is PlantStatus.Operating or PlantStatus.Planned && inputs.IsCoveredRenewable(plant);
}
