using VeSiting.Core.Suitability.Criteria;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// What the raster engine's criteria share in one run: the grid, the inputs, the profile's consumption, and the building
/// blocks their bands are made of (distance transforms, radius sums, burnt areas); work shared between criteria (the heat
/// distance transform) is done once.
/// </summary>
internal sealed class CriterionBands(SitingInputs inputs, RasterGrid grid, ConsumptionProfile consumption, CancellationToken cancellationToken)
{
    private (float[] Distance, int[]? Nearest)? _heat;

    public SitingInputs Inputs => inputs;
    public RasterGrid Grid => grid;
    public ConsumptionProfile Consumption => consumption;
    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Whether the heat distance transform keeps each cell's nearest plant (set by a criterion's <see cref="SitingCriterion.Prepare"/>).</summary>
    public bool KeepNearestHeat { get; set; }

    public float[] Measure(SitingCriterion criterion, CriterionSpec spec)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return criterion.Band(spec, this);
    }

    /// <summary>Each area's figure burnt into the grid (NaN where an area has none, or outside every area).</summary>
    public float[] Figures(IReadOnlyList<AdminArea> areas, Func<AdminArea, double?> figure)
    {
        var ordered = areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var byArea = ordered.Select(a => figure(a) is { } f ? (float)f : float.NaN).ToArray();
        if (byArea.All(float.IsNaN))
            return Nothing();
        var burnt = PolygonRasteriser.Burn(grid, ordered.Select(a => a.Geometry).ToList(), cancellationToken);
        var band = new float[grid.Count];
        for (long i = 0; i < band.LongLength; i++) band[i] = burnt[i] < 0 ? float.NaN : byArea[burnt[i]];
        return band;
    }

    /// <summary>A band of NaN: unknown everywhere.</summary>
    public float[] Nothing()
    {
        var band = new float[grid.Count];
        Array.Fill(band, float.NaN);
        return band;
    }

    /// <summary>The distance to the nearest district-heating plant at every cell, and (when <see cref="KeepNearestHeat"/>) which plant.</summary>
    public (float[] Distance, int[]? Nearest) Heat()
    {
        if (_heat is { } done)
            return done;
        var nearest = KeepNearestHeat ? new int[grid.Count] : null;
        var distance = Distance(inputs.DistrictHeating.Select(h => (h.Position.X, h.Position.Y)).ToList(), nearest);
        _heat = (distance, nearest);
        return _heat.Value;
    }

    /// <summary>The distance from every cell centre to the nearest of the points (NaN when there are none).</summary>
    public float[] Distance(IReadOnlyList<(double X, double Y)> points, int[]? nearest = null)
    {
        var band = new float[grid.Count];
        PointDistanceTransform.Compute(grid, points, band, nearest, cancellationToken);
        return band;
    }

    /// <summary>The sum of the items' weights whose radius reaches each cell centre.</summary>
    public float[] Sum(IReadOnlyList<RadiusItem> items, RadiusKernel kernel)
    {
        var band = new float[grid.Count];
        RadiusSums.Sum(grid, items, kernel, band, null, cancellationToken);
        return band;
    }
}
