using NetTopologySuite;
using NetTopologySuite.Geometries.Utilities;

namespace VeSiting.Core.Spatial;

/// <summary>Whole-geometry transformations. Results are always 2D (Z and M are dropped).</summary>
public static class GeometryTransforms
{
    // OverlayNG: the classic overlay throws "non-noded intersection" on nearly coincident edges (tile clipping, unions of buffers).
    private static readonly Dictionary<int, GeometryFactory> Factories = CoordinateTransformer.SupportedCodes
        .ToDictionary(code => code, code => new NtsGeometryServices(
            NetTopologySuite.Geometries.Implementation.CoordinateArraySequenceFactory.Instance, PrecisionModel.Floating.Value, code,
            GeometryOverlay.NG, new CoordinateEqualityComparer()).CreateGeometryFactory());

    /// <summary>A geometry factory stamping the given SRID.</summary>
    public static GeometryFactory FactoryFor(int epsg) => Factories[epsg];

    public static Point Utm32Point(double e, double n) => Factories[Epsg.Utm32].CreatePoint(new Coordinate(e, n));

    /// <summary>Reprojects a geometry; the result carries the target SRID and is 2D.</summary>
    public static Geometry Transform(Geometry geometry, int fromEpsg, int toEpsg)
    {
        var transformer = CoordinateTransformer.Instance;
        return new XyTransformer((x, y) => transformer.Transform(x, y, fromEpsg, toEpsg), Factories[toEpsg]).Transform(geometry);
    }

    /// <summary>Drops Z and M, keeping the SRID (GeoDanmark footprints are 3D).</summary>
    public static Geometry Flatten(Geometry geometry, int epsg) =>
        new XyTransformer((x, y) => (x, y), Factories[epsg]).Transform(geometry);

    private sealed class XyTransformer : GeometryTransformer
    {
        private readonly Func<double, double, (double X, double Y)> _map;
        private readonly GeometryFactory _target;

        public XyTransformer(Func<double, double, (double X, double Y)> map, GeometryFactory target)
        {
            _map = map;
            _target = target;
        }

        public new Geometry Transform(Geometry geometry)
        {
            var result = base.Transform(geometry);
            return _target.CreateGeometry(result);
        }

        protected override CoordinateSequence TransformCoordinates(CoordinateSequence coords, Geometry parent)
        {
            var output = _target.CoordinateSequenceFactory.Create(coords.Count, 2, 0);
            for (var i = 0; i < coords.Count; i++)
            {
                var (x, y) = _map(coords.GetX(i), coords.GetY(i));
                output.SetX(i, x);
                output.SetY(i, y);
            }
            return output;
        }
    }
}
