using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace VeSiting.Core.Suitability.Criteria;

/// <summary>
/// What the per-site engine's criteria share in one run: the inputs, the profile's consumption, the population raster
/// (made on first use) and the user's layers sent with the request, indexed here for this request only (they are
/// request inputs, not store data).
/// </summary>
internal sealed class SiteMeasures
{
    private readonly Dictionary<string, STRtree<Point>> _points = [];
    private readonly Dictionary<string, STRtree<(Point Point, double Value)>> _weighted = [];
    private readonly Dictionary<string, STRtree<(Geometry Polygon, IPreparedGeometry Prepared)>> _polygons = [];
    private readonly Lazy<PopulationRaster> _population;

    public SiteMeasures(SitingInputs inputs, ConsumptionProfile consumption)
    {
        Inputs = inputs;
        Consumption = consumption;
        foreach (var (name, points) in inputs.PointLayers)
        {
            var tree = new STRtree<Point>();
            foreach (var point in points) tree.Insert(point.EnvelopeInternal, point);
            tree.Build();
            _points[name] = tree;
        }
        foreach (var (name, points) in inputs.WeightedLayers)
        {
            var tree = new STRtree<(Point Point, double Value)>();
            foreach (var point in points) tree.Insert(point.Point.EnvelopeInternal, point);
            tree.Build();
            _weighted[name] = tree;
        }
        foreach (var (name, polygons) in inputs.PolygonLayers)
        {
            var tree = new STRtree<(Geometry Polygon, IPreparedGeometry Prepared)>();
            foreach (var polygon in polygons) tree.Insert(polygon.EnvelopeInternal, (polygon, PreparedGeometryFactory.Prepare(polygon)));
            tree.Build();
            _polygons[name] = tree;
        }
        _population = new Lazy<PopulationRaster>(() => new PopulationRaster(inputs.Municipalities, inputs.Population));
    }

    public SitingInputs Inputs { get; }

    public ConsumptionProfile Consumption { get; }

    public PopulationRaster Population => _population.Value;

    public STRtree<Point> Points(string layer) => _points[layer];

    public STRtree<(Point Point, double Value)> WeightedPoints(string layer) => _weighted[layer];

    public STRtree<(Geometry Polygon, IPreparedGeometry Prepared)> Polygons(string layer) => _polygons[layer];

    /// <summary>The items whose envelopes reach within <paramref name="radius"/> of the point's envelope (filter by exact distance after).</summary>
    public static IEnumerable<T> Within<T>(STRtree<T> tree, Point at, double radius)
    {
        var envelope = at.EnvelopeInternal.Copy();
        envelope.ExpandBy(radius);
        return tree.Query(envelope);
    }

    /// <summary>The nearest item by exact distance: an expanding envelope search, as in the embedded store.</summary>
    public static (T Item, double Distance)? Nearest<T>(STRtree<T> tree, Point at, Func<T, Geometry> geometry)
    {
        if (tree.Count == 0)
            return null;
        for (var radius = 1_000.0; radius < 2_000_000; radius *= 2)
        {
            var best = Within(tree, at, radius).Select(i => (Item: i, Distance: geometry(i).Distance(at))).Where(i => i.Distance <= radius)
                .OrderBy(i => i.Distance).FirstOrDefault();
            if (best.Item is not null)
                return best;
        }
        return null;
    }
}
