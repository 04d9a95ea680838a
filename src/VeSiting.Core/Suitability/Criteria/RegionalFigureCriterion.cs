namespace VeSiting.Core.Suitability.Criteria;

/// <summary>A figure the user supplies per municipality, landsdel or region, looked up as <see cref="RegionalFigureLookup"/> says.</summary>
internal sealed class RegionalFigureCriterion : SitingCriterion
{
    public override string Id => "regional-figure";
    public override string Unit => "per region";
    public override UserLayerKind Layer => UserLayerKind.RegionalFigures;
    public override bool TakesLevel => true;

    internal override SiteReads Reads => SiteReads.Areas;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var lookup = Lookup(spec, run.Inputs);
        var municipality = site.Municipality;
        if (municipality is not null && lookup.ForMunicipality(municipality) is { } local)
            return new(local.Value, local.Why);
        var region = site.Region;
        if (region is not null && lookup.ForRegion(region) is { } regional)
            return new(regional.Value, regional.Why);
        return new(null, lookup.Missing(municipality, region));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands)
    {
        var inputs = bands.Inputs;
        var lookup = Lookup(spec, inputs);
        var band = lookup.ByRegion ? bands.Figures(inputs.Regions, r => lookup.ForRegion(r)?.Value) : bands.Nothing();
        if (lookup.ByMunicipality)
        {
            // A municipality's figure (its own or its landsdel's) where there is one, else the region's.
            var local = bands.Figures(inputs.Municipalities, m => lookup.ForMunicipality(m)?.Value);
            for (long i = 0; i < band.LongLength; i++)
            {
                if (!float.IsNaN(local[i])) band[i] = local[i];
            }
        }
        return band;
    }

    private static RegionalFigureLookup Lookup(CriterionSpec spec, SitingInputs inputs) =>
        new(spec.Layer!, inputs.RegionalFigures[spec.Layer!], inputs.Landsdele, spec.Level);
}
