using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;
using VeSiting.Api.Hosting;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;

namespace VeSiting.Api.Tiles;

/// <summary>
/// The features of one layer in one tile, from any store: queried in EPSG:25832, clipped to the tile (with a
/// margin), in longitude/latitude, and at most <c>MaxFeaturesPerTile</c> of them. PNG and MVT tiles share them.
/// </summary>
public sealed class TileFeatureSource(ServiceData data, int maxFeatures)
{
    /// <summary>Features are kept up to this many pixels (of 256) outside the tile.</summary>
    public const double MarginPixels = 8;

    public async Task<IReadOnlyList<(string VectorLayer, IFeature Feature)>> FeaturesAsync(TileLayer layer, TileAddress tile, TariffScenario scenario, CancellationToken cancellationToken)
    {
        var features = await QueryAsync(layer, tile, scenario, cancellationToken);
        if (features.Count == 0)
            return [];
        var clip = tile.LonLatClip(MarginPixels);
        var result = new List<(string, IFeature)>();
        foreach (var (vectorLayer, geometry, attributes) in features)
        {
            var lonLat = GeometryTransforms.Transform(geometry, Epsg.Utm32, Epsg.Wgs84);
            Geometry? clipped;
            if (lonLat is Point p)
                clipped = clip.Covers(p) ? p : null;
            else if (clip.EnvelopeInternal.Contains(lonLat.EnvelopeInternal))
                clipped = lonLat; // wholly inside: nothing to clip
            else
            {
                // Reprojected unions and differences can come out very slightly invalid; overlay needs valid input.
                if (!lonLat.IsValid)
                    lonLat = GeometryFixer.Fix(lonLat);
                clipped = lonLat.Intersection(clip);
            }
            if (clipped is null || clipped.IsEmpty)
                continue;
            result.Add((vectorLayer, new Feature(clipped, attributes)));
            if (result.Count >= maxFeatures)
                break;
        }
        return result;
    }

    /// <summary>
    /// The features of a layer that meet the tile and its margin, still in EPSG:25832 and not clipped: what PNG tiles
    /// draw (the canvas clips) and what <see cref="FeaturesAsync"/> reprojects and clips for vector tiles.
    /// </summary>
    public async Task<IReadOnlyList<(string VectorLayer, Geometry Utm32, AttributesTable Attributes)>> Utm32FeaturesAsync(TileLayer layer, TileAddress tile, TariffScenario scenario, CancellationToken cancellationToken)
    {
        var features = await QueryAsync(layer, tile, scenario, cancellationToken);
        return features.Count > maxFeatures ? features[..maxFeatures] : features;
    }

    private async Task<List<(string VectorLayer, Geometry Utm32, AttributesTable Attributes)>> QueryAsync(TileLayer layer, TileAddress tile, TariffScenario scenario, CancellationToken cancellationToken)
    {
        if (tile.Z < layer.MinZoom || tile.Z > layer.MaxZoom)
            return [];
        var area = tile.Utm32Area(MarginPixels);
        if (area.IsEmpty)
            return [];
        return layer.Id switch
        {
            "boundaries" => await BoundariesAsync(area, tile, cancellationToken),
            "plants" => await PlantsAsync(area, cancellationToken),
            "scheme-zones" => await SchemeZonesAsync(area, tile, cancellationToken),
            "tariff-zones" => await TariffZonesAsync(area, tile, scenario, cancellationToken),
            "dwellings" => await DwellingsAsync(area, scenario, cancellationToken),
            _ => throw new ProblemException("layer", $"unknown layer '{layer.Id}'", StatusCodes.Status404NotFound),
        };
    }

    /// <summary>
    /// The vector tile of a point layer (<see cref="PointTileEncoder.Handles"/>): the same store queries and
    /// attributes as <see cref="FeaturesAsync"/>, encoded from EPSG:25832 directly.
    /// </summary>
    public async Task<byte[]> PointTileAsync(TileLayer layer, TileAddress tile, TariffScenario scenario, CancellationToken cancellationToken)
    {
        if (!PointTileEncoder.Handles(layer.Id))
            throw new ArgumentException($"'{layer.Id}' is not a point layer", nameof(layer));
        var features = await QueryAsync(layer, tile, scenario, cancellationToken);
        return PointTileEncoder.Encode(tile, layer.VectorLayers[0], features.Select(f => (f.Item2, (IAttributesTable)f.Item3)), maxFeatures);
    }

    /// <summary>The cells of a siting raster that meet the tile, scored and classed (excluded cells say why), clipped, in lon/lat.</summary>
    public IReadOnlyList<(string VectorLayer, IFeature Feature)> SuitabilityFeatures(SuitabilityRun run, TileAddress tile)
    {
        if (tile.Z < 5)
            return [];
        var clip = tile.LonLatClip(MarginPixels);
        var features = new List<(string, IFeature)>();
        foreach (var (square, attributes) in SuitabilityCells.In(run.Raster, tile.Utm32Area(MarginPixels).EnvelopeInternal, maxFeatures, 2 * tile.MetresPerPixel))
        {
            var lonLat = GeometryTransforms.Transform(square, Epsg.Utm32, Epsg.Wgs84);
            var clipped = clip.EnvelopeInternal.Contains(lonLat.EnvelopeInternal) ? lonLat : lonLat.Intersection(clip);
            if (!clipped.IsEmpty)
                features.Add(("suitability", new Feature(clipped, attributes)));
        }
        return features;
    }

    /// <summary>The cells of a siting raster that meet the tile, in EPSG:25832 and not clipped (for PNG tiles).</summary>
    public IReadOnlyList<(string VectorLayer, Geometry Utm32, AttributesTable Attributes)> SuitabilityUtm32Features(SuitabilityRun run, TileAddress tile) =>
        tile.Z < 5 ? [] : SuitabilityCells.In(run.Raster, tile.Utm32Area(MarginPixels).EnvelopeInternal, maxFeatures, 2 * tile.MetresPerPixel).Select(c => ("suitability", c.Utm32, c.Attributes)).ToList();

    private async Task<List<(string, Geometry, AttributesTable)>> BoundariesAsync(Geometry area, TileAddress tile, CancellationToken cancellationToken)
    {
        var list = new List<(string, Geometry, AttributesTable)>();
        var tolerance = tile.MetresPerPixel;
        var box = area.Factory.ToGeometry(area.EnvelopeInternal);
        foreach (var (kind, vectorLayer) in new[] { (AdminAreaKind.Region, "regions"), (AdminAreaKind.Municipality, "municipalities") })
        {
            foreach (var a in await data.Store.AreasMeetingAsync(kind, area.EnvelopeInternal, cancellationToken))
            {
                // Clip to the tile first (OverlayNG clips by envelope, so only the edges near the tile are worked on),
                // then simplify the small piece: simplifying a whole region for every tile cost tens of milliseconds.
                var simplified = TopologyPreservingSimplifier.Simplify(a.Geometry.Intersection(box), tolerance);
                if (!simplified.IsEmpty)
                    list.Add((vectorLayer, simplified, Attributes(("code", a.Code), ("name", a.Name), ("kind", kind == AdminAreaKind.Region ? "region" : "municipality"))));
            }
        }
        return list;
    }

    private static readonly PlantFilter Current = new() { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating, PlantStatus.Planned } };

    private async Task<List<(string, Geometry, AttributesTable)>> PlantsAsync(Geometry area, CancellationToken cancellationToken) =>
        (await data.Store.PlantsWithinAsync(area, 0, Current, cancellationToken))
            .Select(p => ("plants", p.Plant.Geometry, Attributes(("id", p.Plant.Id), ("kind", p.Plant.Kind.ToString()), ("status", p.Plant.Status.ToString()),
                ("name", p.Plant.Name ?? p.Plant.Model), ("capacity_mw", p.Plant.CapacityMw is { } mw ? Math.Round(mw, 3) : null),
                ("total_height_m", p.Plant.TotalHeightM))))
            .ToList();

    /// <summary>Each covered plant's scheme bands, from the rules of its own permit period (no constants: a published rule set moves them).</summary>
    private async Task<List<(string, Geometry, AttributesTable)>> SchemeZonesAsync(Geometry area, TileAddress tile, CancellationToken cancellationToken)
    {
        var list = new List<(string, Geometry, AttributesTable)>();
        var box = area.EnvelopeInternal;
        var book = data.SchemeDistances;
        var search = book.SearchRadiusM;
        foreach (var hit in await data.Store.PlantsWithinAsync(area, search, AssessmentContext.Candidates, cancellationToken))
        {
            var p = hit.Plant;
            if (p.Kind is not (PlantKind.WindTurbine or PlantKind.SolarPark) || !book.IsCovered(p))
                continue;
            var distances = book.For(p);
            if (p.Kind == PlantKind.WindTurbine && p.TotalHeightM is { } h)
            {
                var centre = p.Geometry.Coordinate;
                foreach (var band in distances.WindBands.Reverse())
                {
                    var outer = band.Outer * h;
                    if (!box.Intersects(new Envelope(centre.X - outer, centre.X + outer, centre.Y - outer, centre.Y + outer)))
                        continue;
                    var ring = band.Inner <= 0 ? Circles.Disc(p.Geometry, outer, tile.MetresPerPixel) : Circles.Annulus(p.Geometry, outer, band.Inner * h, tile.MetresPerPixel);
                    list.Add(("scheme-zones", ring, Attributes(("plant", p.Id), ("ring", band.Id), ("label", band.Label), ("radius_m", Math.Round(outer, 1)))));
                }
            }
            else if (p.Kind == PlantKind.SolarPark)
            {
                foreach (var band in distances.SolarBands.Reverse())
                {
                    var zone = p.Geometry is Point ? Circles.Disc(p.Geometry, band.Outer, tile.MetresPerPixel) : p.Geometry.Buffer(band.Outer, 24);
                    list.Add(("scheme-zones", zone, Attributes(("plant", p.Id), ("ring", band.Id), ("label", band.Label), ("radius_m", band.Outer))));
                }
            }
        }
        return list;
    }

    private async Task<List<(string, Geometry, AttributesTable)>> TariffZonesAsync(Geometry area, TileAddress tile, TariffScenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Basis != ZoneBasis.Distance)
            throw new ProblemException("scenario", $"'{scenario.Id}' is capacity-weighted: its zones are shown per dwelling (layer 'dwellings'), not as areas");
        var nearby = (await data.Store.PlantsWithinAsync(area, scenario.SearchRadiusM, PlantFilter.Any, cancellationToken))
            .Where(p => scenario.CoveredPlants.Covers(p.Plant)).ToList();
        var list = new List<(string, Geometry, AttributesTable)>();
        Geometry? inner = null;
        var segments = tile.Z < 10 ? 8 : 16;
        foreach (var zone in scenario.Zones)
        {
            var buffers = nearby.Select(p => Reach(zone, p.Plant) is { } r ? p.Plant.Geometry.Buffer(r, segments) : null).OfType<Geometry>().ToList();
            if (buffers.Count == 0)
                continue;
            var union = Valid(CascadedPolygonUnion.Union(buffers)).Intersection(area);
            var band = Valid(inner is null ? union : union.Difference(inner));
            inner = inner is null ? union : inner.Union(union);
            if (!band.IsEmpty)
                list.Add(("tariff-zones", band, Attributes(("zone", zone.Id), ("label", zone.Label), ("scenario", scenario.Id))));
        }
        return list;
    }

    private static Geometry Valid(Geometry g) => g.IsValid ? g : GeometryFixer.Fix(g);

    private static double? Reach(TariffZone zone, Plant plant) =>
        new[] { zone.MaxDistanceM, zone.MaxMultipleOfH is { } k && plant.TotalHeightM is { } h ? k * h : null }.Where(v => v is not null).Min();

    private async Task<List<(string, Geometry, AttributesTable)>> DwellingsAsync(Geometry area, TariffScenario scenario, CancellationToken cancellationToken)
    {
        var list = new List<(string, Geometry, AttributesTable)>();
        foreach (var a in (await data.Store.AddressesInAsync(area, cancellationToken)).Take(maxFeatures).Select(a => new AddressDistance(a, 0)))
        {
            var nearby = await data.Store.PlantsWithinAsync(a.Address.Position, scenario.SearchRadiusM, PlantFilter.Any, cancellationToken);
            var zone = ZoneResolver.Resolve(scenario, nearby).Zone;
            list.Add(("dwellings", a.Address.Position, Attributes(("id", a.Address.Id), ("label", a.Address.Label), ("zone", zone?.Id ?? "none"), ("scenario", scenario.Id))));
        }
        return list;
    }

    private static AttributesTable Attributes(params (string Key, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in values)
        {
            if (value is not null)
                table.Add(key, value);
        }
        return table;
    }
}
