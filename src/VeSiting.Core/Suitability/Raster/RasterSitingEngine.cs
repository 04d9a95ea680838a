using System.Diagnostics;
using System.Runtime.CompilerServices;
using VeSiting.Core.Suitability.Criteria;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// The siting engine as raster algebra: each criterion becomes a band over the area's grid (distance transforms for
/// distances, exact radius sums for capacity, people and point counts, burnt polygons for regions and the land mask,
/// discs for tariff zones and the minimum-distance exclusion), then the profile's weighted linear overlay. Same
/// semantics as <see cref="SitingEngine"/> cell by cell (cell centres, closed radii, 4 × H from the rules in force);
/// distances to points may exceed the exact ones by at most <see cref="PointDistanceTransform.StripWidth"/>. Pure.
/// </summary>
public sealed class RasterSitingEngine(SitingInputs inputs)
{
    /// <summary>The population raster's cell, as <see cref="PopulationRaster"/> uses it.</summary>
    internal const double PopulationCellM = PopulationRaster.DefaultCellSizeM;

    public SuitabilityRaster Run(SitingProfile profile, IReadOnlyList<Geometry> areas, double cellSizeM, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var consumption = new ConsumptionProfile(profile.Id, profile.Title, profile.AnnualKwh, profile.Shares).Validated();
        var provenance = new Provenance();
        provenance.Uses(profile.Ref, "criteria", new RuleValue(profile.Criteria.Count, "criteria", profile.File, Confidence.Confirmed));
        provenance.Uses(inputs.Scenario.Ref, "zones", new RuleValue(inputs.Scenario.Zones.Count, "zones", inputs.Scenario.File, Confidence.Confirmed));
        foreach (var (key, value) in inputs.Prices.Values())
            provenance.Uses(inputs.Prices.Ref, key, value);
        var minimumDistance = inputs.Rules.Require(Schemes.MinimumDistance, inputs.Today);
        provenance.UseSet(minimumDistance);

        var notes = new List<Reason>();
        var active = CriteriaInUse.Select(profile, inputs, notes);
        var criteria = active.Select(SitingCriteria.Of).ToList();
        notes.AddRange(CriteriaInUse.Notes(criteria));
        notes.Add(Reason.Of("siting.raster-note", ("cell", cellSizeM), ("strip", PointDistanceTransform.StripWidth(cellSizeM))));

        var extent = new Envelope();
        foreach (var a in areas) extent.ExpandToInclude(a.EnvelopeInternal);
        var grid = RasterGrid.Over(extent, cellSizeM);
        var land = PolygonRasteriser.Burn(grid, areas, cancellationToken);

        var status = new byte[grid.Count];
        var k = minimumDistance["windMultipleOfH"].Value;
        var turbines = inputs.Plants.Concat(inputs.PlannedTurbines)
            .Where(t => t is { Kind: PlantKind.WindTurbine, Status: PlantStatus.Operating or PlantStatus.Planned, TotalHeightM: not null } && inputs.IsCoveredRenewable(t))
            .Select(t => new RadiusItem(t.Geometry.Centroid, k * t.TotalHeightM!.Value, 1)).ToList();
        RadiusSums.Rows(grid, [turbines], RadiusKernel.OpenDisc, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, inside) =>
        {
            var offset = (long)r * grid.Columns;
            for (var c = 0; c < grid.Columns; c++)
                status[offset + c] = land[offset + c] < 0 ? (byte)CellStatus.Outside : inside[0][c] > 0 ? (byte)CellStatus.MinimumDistance : (byte)CellStatus.Ranked;
        }, cancellationToken);
        land = null;

        var bands = new CriterionBands(inputs, grid, consumption, cancellationToken);
        foreach (var criterion in criteria)
            criterion.Prepare(bands);
        var values = active.Select((spec, c) => bands.Measure(criteria[c], spec)).ToList();
        var units = criteria.Select(c => c.Unit).ToList();

        var score = Overlay(grid, active, values, status, cancellationToken);
        Parallel.For(0, grid.Rows, grid.Parallelism(cancellationToken), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var from = (long)r * grid.Columns;
            foreach (var band in values)
            {
                for (var i = from; i < from + grid.Columns; i++)
                {
                    if (status[i] == (byte)CellStatus.Outside) band[i] = float.NaN;
                }
            }
        });
        return new SuitabilityRaster(profile, grid, active, units, values, score, status, notes, provenance, $"{k:0.##} × H ({minimumDistance.Ref})", clock.Elapsed);
    }

    /// <summary>The weighted sum of the linear scores, summed in the profile's order as the per-cell engine sums; thresholds exclude.</summary>
    private static double[] Overlay(RasterGrid grid, IReadOnlyList<CriterionSpec> criteria, IReadOnlyList<float[]> values, byte[] status, CancellationToken cancellationToken)
    {
        var score = new double[grid.Count];
        var totalWeight = criteria.Sum(c => c.Weight);
        Parallel.For(0, grid.Rows, grid.Parallelism(cancellationToken), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var from = (long)r * grid.Columns;
            for (var i = from; i < from + grid.Columns; i++)
            {
                if (status[i] != (byte)CellStatus.Ranked)
                {
                    score[i] = double.NaN;
                    continue;
                }
                var total = 0.0;
                for (var c = 0; c < criteria.Count; c++)
                {
                    var spec = criteria[c];
                    double v = values[c][i];
                    if (spec.RequiredMin is { } min && (double.IsNaN(v) || v < min) || spec.RequiredMax is { } max && (double.IsNaN(v) || v > max))
                    {
                        status[i] = (byte)((int)CellStatus.FirstThreshold + c);
                        break;
                    }
                    var s = !double.IsNaN(v) && spec.Best != spec.Worst ? Math.Clamp((v - spec.Worst) / (spec.Best - spec.Worst), 0, 1) : 0;
                    total += spec.Weight * s / totalWeight * 100;
                }
                score[i] = status[i] == (byte)CellStatus.Ranked ? total : double.NaN;
            }
        });
        return score;
    }
}
