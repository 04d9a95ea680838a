namespace VeSiting.Core.Suitability.Criteria;

/// <summary>People within the commuting radius: municipal populations spread evenly over municipal areas on a raster.</summary>
internal sealed class PopulationCriterion : SitingCriterion
{
    public override string Id => "population";
    public override string Unit => "people";
    public override double DefaultRadiusM => 30_000;

    internal override Reason? Note => Reason.Of("siting.population-note", ("cell", PopulationRaster.DefaultCellSizeM));

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var radius = RadiusOf(spec);
        var people = run.Population.Within(candidate.Position.X, candidate.Position.Y, radius);
        return new(Math.Round(people), Reason.Of("siting.population", ("people", Math.Round(people)), ("radius", radius)));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        new PopulationLattice(bands.Inputs.Municipalities, bands.Inputs.Population, bands.CancellationToken).Within(bands.Grid, RadiusOf(spec), bands.CancellationToken);
}
