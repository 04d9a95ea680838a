using System.Runtime.CompilerServices;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>The price per kWh for the profile's consumption in the site's tariff zone under the profile's scenario.</summary>
internal sealed class PowerPriceCriterion : SitingCriterion
{
    public override string Id => "power-price";
    public override string Unit => "DKK/kWh";

    internal override double PlantReach(CriterionSpec spec, SitingInputs inputs) => inputs.Scenario.SearchRadiusM;

    internal override Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run)
    {
        var scenario = run.Inputs.Scenario;
        var nearby = site.Plants.Where(p => p.DistanceM <= scenario.SearchRadiusM).ToList();
        var zone = ZoneResolver.Resolve(scenario, nearby);
        var price = PriceCalculator.Price(run.Inputs.Prices, run.Consumption, zone.Zone?.Discounts).DkkPerKwh;
        return new(price, Reason.Of("siting.power-price", ("zone", zone.Zone is { } z ? Reason.Of("siting.zone", ("zone", z.Id)) : Reason.Of("siting.no-zone")), ("scenario", scenario.Id), ("why", zone.Because)));
    }

    /// <summary>The tariff zone of every cell (discs, or the capacity-weighted cone, per covered plant: exact), then the profile's price in that zone.</summary>
    internal override float[] Band(CriterionSpec spec, CriterionBands bands)
    {
        var (inputs, grid, consumption) = (bands.Inputs, bands.Grid, bands.Consumption);
        var scenario = inputs.Scenario;
        var covered = inputs.Plants.Concat(inputs.PlannedTurbines).Where(scenario.CoveredPlants.Covers).ToList();
        var none = (float)PriceCalculator.Price(inputs.Prices, consumption, null).DkkPerKwh;
        var prices = scenario.Zones.Select(z => (float)PriceCalculator.Price(inputs.Prices, consumption, z.Discounts).DkkPerKwh).ToArray();
        var band = new float[grid.Count];
        if (scenario.Basis == ZoneBasis.CapacityWeighted)
        {
            var radius = scenario.WeightingRadiusM ?? throw new InvalidOperationException($"scenario {scenario.Id} has no weighting radius");
            var minScores = scenario.Zones.Select(z => z.MinScore ?? double.PositiveInfinity).ToArray();
            RadiusSums.Rows(grid, [covered.Select(p => new RadiusItem(p.Geometry, radius, p.CapacityMw ?? 0)).ToList()], RadiusKernel.Cone, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, score) =>
            {
                var offset = (long)r * grid.Columns;
                for (var c = 0; c < grid.Columns; c++)
                {
                    var zone = Array.FindIndex(minScores, min => score[0][c] >= min);
                    band[offset + c] = zone < 0 ? none : prices[zone];
                }
            }, bands.CancellationToken);
        }
        else
        {
            // One layer of discs per zone; a cell takes the first zone any covered plant qualifies it for.
            var layers = scenario.Zones.Select(zone => (IReadOnlyList<RadiusItem>)covered.Select(p => new RadiusItem(p.Geometry, ZoneRadius(zone, p), 1))
                .Where(d => d.Radius > 0 && !double.IsInfinity(d.Radius)).ToList()).ToList();
            RadiusSums.Rows(grid, layers, RadiusKernel.ClosedDisc, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r, inside) =>
            {
                var offset = (long)r * grid.Columns;
                for (var c = 0; c < grid.Columns; c++)
                {
                    var price = none;
                    for (var z = 0; z < inside.Length; z++)
                    {
                        if (inside[z][c] > 0) { price = prices[z]; break; }
                    }
                    band[offset + c] = price;
                }
            }, bands.CancellationToken);
        }
        return band;
    }

    /// <summary>How far a plant reaches into a distance zone: its metres, its multiple of H, or the smaller of both.</summary>
    private static double ZoneRadius(TariffZone zone, Plant plant)
    {
        var radius = zone.MaxDistanceM ?? double.PositiveInfinity;
        if (zone.MaxMultipleOfH is { } k)
            radius = plant.TotalHeightM is { } h ? Math.Min(radius, k * h) : 0;
        return radius;
    }
}
