using VeSiting.Core.Suitability.Raster;
using static VeSiting.Core.Suitability.Criteria.WhyText;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>People within the commuting radius: municipal populations spread evenly over municipal areas on a raster.</summary>
internal sealed class PopulationCriterion : SitingCriterion
{
    public override string Id => "population";
    public override string Unit => "people";
    public override string Meaning => "people within the commuting radius: municipal population (Statistics Denmark) spread evenly over the municipality's area, summed on a raster";
    public override double DefaultRadiusM => 30_000;

    internal override string? Note =>
        $"population: each municipality's population (Statistics Denmark) spread evenly over its area and summed on a {PopulationRaster.DefaultCellSizeM:0} m raster (cells by their centres): an approximation, not where people live";

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var radius = RadiusOf(spec);
        var people = run.Population.Within(candidate.Position.X, candidate.Position.Y, radius);
        return new(Math.Round(people), $"≈ {F(Math.Round(people))} people within {F(radius)} m (municipal populations spread over municipal areas)");
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        new PopulationLattice(bands.Inputs.Municipalities, bands.Inputs.Population, bands.CancellationToken).Within(bands.Grid, RadiusOf(spec), bands.CancellationToken);
}
