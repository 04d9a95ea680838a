using System.Runtime.CompilerServices;
using VeSiting.Core.Domain;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>Each criterion as a band over the grid; work shared between criteria (the heat distance transform) is done once.</summary>
internal sealed class CriterionBands(SitingInputs inputs, RasterGrid grid, ConsumptionProfile consumption, CancellationToken cancellationToken)
{
    private (float[] Distance, int[]? Nearest)? _heat;

    /// <summary>Whether heat-size is wanted: only then does the heat distance transform keep each cell's nearest plant.</summary>
    public bool KeepNearestHeat { get; init; }

    public static string Unit(string criterion) => criterion switch
    {
        "power-price" => "DKK/kWh",
        "renewable-mw" => "MW",
        "heat-distance" or "dwelling-distance" or "points-distance" => "m",
        "heat-size" => "km²",
        "population" => "people",
        "points-count" => "points",
        "regional-figure" => "per region",
        "oxygen-demand" => "t O2/yr",
        "farmland" => "share",
        _ => throw new ArgumentException($"unknown criterion '{criterion}'"),
    };

    public float[] Measure(CriterionSpec c)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var radius = c.RadiusM ?? Criteria.Find(c.Criterion)!.DefaultRadiusM;
        switch (c.Criterion)
        {
            case "power-price":
                return PowerPrice();
            case "renewable-mw":
                {
                    var plants = inputs.Plants.Concat(inputs.PlannedTurbines)
                        .Where(p => p.Status is PlantStatus.Operating or PlantStatus.Planned && inputs.IsCoveredRenewable(p))
                        .Select(p => new RadiusItem(p.Geometry, radius, p.CapacityMw ?? 0)).ToList();
                    return Sum(plants, RadiusKernel.ClosedDisc);
                }
            case "heat-distance":
                return Heat().Distance;
            case "heat-size":
                {
                    var nearest = Heat().Nearest!;
                    var sizes = inputs.DistrictHeating.Select(h => h.SupplyAreaKm2 is { } a ? (float)a : float.NaN).ToArray();
                    var band = new float[grid.Count];
                    for (long i = 0; i < band.LongLength; i++) band[i] = nearest[i] < 0 ? float.NaN : sizes[nearest[i]];
                    return band;
                }
            case "dwelling-distance":
                return Distance(inputs.Dwellings.Select(d => (d.Position.X, d.Position.Y)).ToList(), null);
            case "population":
                return new PopulationLattice(inputs.Municipalities, inputs.Population, cancellationToken).Within(grid, radius, cancellationToken);
            case "points-distance":
                return Distance(inputs.PointLayers[c.Layer!].Select(p => (p.X, p.Y)).ToList(), null);
            case "points-count":
                return Sum(inputs.PointLayers[c.Layer!].Select(p => new RadiusItem(p, radius, 1)).ToList(), RadiusKernel.ClosedDisc);
            case "regional-figure":
                {
                    var lookup = new RegionalFigureLookup(c.Layer!, inputs.RegionalFigures[c.Layer!], inputs.Landsdele, c.Level);
                    var band = lookup.ByRegion ? Figures(inputs.Regions, r => lookup.ForRegion(r)?.Value) : Nothing();
                    if (lookup.ByMunicipality)
                    {
                        // A municipality's figure (its own or its landsdel's) where there is one, else the region's.
                        var local = Figures(inputs.Municipalities, m => lookup.ForMunicipality(m)?.Value);
                        for (long i = 0; i < band.LongLength; i++)
                        {
                            if (!float.IsNaN(local[i])) band[i] = local[i];
                        }
                    }
                    return band;
                }
            case "farmland":
                return CoverageRasteriser.Shares(grid, inputs.PolygonLayers[c.Layer!], cancellationToken);
            case "oxygen-demand":
                return Sum(inputs.WeightedLayers[c.Layer!].Select(p => new RadiusItem(p.Point, radius, p.Value)).ToList(), RadiusKernel.ClosedDisc);
            default:
                throw new ArgumentException($"unknown criterion '{c.Criterion}'");
        }
    }

    /// <summary>Each area's figure burnt into the grid (NaN where an area has none, or outside every area).</summary>
    private float[] Figures(IReadOnlyList<AdminArea> areas, Func<AdminArea, double?> figure)
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

    private float[] Nothing()
    {
        var band = new float[grid.Count];
        Array.Fill(band, float.NaN);
        return band;
    }

    private (float[] Distance, int[]? Nearest) Heat()
    {
        if (_heat is { } done)
            return done;
        var nearest = KeepNearestHeat ? new int[grid.Count] : null;
        var distance = Distance(inputs.DistrictHeating.Select(h => (h.Position.X, h.Position.Y)).ToList(), nearest);
        _heat = (distance, nearest);
        return _heat.Value;
    }

    private float[] Distance(IReadOnlyList<(double X, double Y)> points, int[]? nearest)
    {
        var band = new float[grid.Count];
        PointDistanceTransform.Compute(grid, points, band, nearest, cancellationToken);
        return band;
    }

    private float[] Sum(IReadOnlyList<RadiusItem> items, RadiusKernel kernel, bool round = false)
    {
        var band = new float[grid.Count];
        RadiusSums.Sum(grid, items, kernel, band, round ? Math.Round : null, cancellationToken);
        return band;
    }

    /// <summary>The tariff zone of every cell (discs, or the capacity-weighted cone, per covered plant: exact), then the profile's price in that zone.</summary>
    private float[] PowerPrice()
    {
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
            }, cancellationToken);
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
            }, cancellationToken);
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
