using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>The share of the cell (or the candidate's parcel) covered by a user polygon layer; a point candidate: 1 inside, 0 outside.</summary>
internal sealed class FarmlandCriterion : SitingCriterion
{
    public override string Id => "farmland";
    public override string Unit => "share";
    public override UserLayerKind Layer => UserLayerKind.Polygons;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var share = Share(run.Polygons(spec.Layer!), candidate);
        return new(share, candidate.Area is { Area: > 0 }
            ? Reason.Of("siting.farmland-share", ("percent", share * 100), ("layer", spec.Layer!))
            : Reason.Of(share > 0 ? "siting.farmland-inside" : "siting.farmland-outside", ("layer", spec.Layer!)));
    }

    internal override float[] Band(CriterionSpec spec, CriterionBands bands) =>
        CoverageRasteriser.Shares(bands.Grid, bands.Inputs.PolygonLayers[spec.Layer!], bands.CancellationToken);

    /// <summary>The share of the candidate's area the polygons cover (capped at 1, as the raster caps overlaps), or 1/0 for a point inside/outside.</summary>
    private static double Share(STRtree<(Geometry Polygon, IPreparedGeometry Prepared)> polygons, Candidate candidate)
    {
        if (candidate.Area is not { Area: > 0 } area)
            return polygons.Query(candidate.Position.EnvelopeInternal).Any(p => p.Prepared.Covers(candidate.Position)) ? 1 : 0;
        var covered = polygons.Query(area.EnvelopeInternal).Where(p => p.Prepared.Intersects(area)).Sum(p => p.Polygon.Intersection(area).Area);
        return Math.Min(1, covered / area.Area);
    }
}
