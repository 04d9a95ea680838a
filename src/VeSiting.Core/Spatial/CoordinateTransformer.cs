using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace VeSiting.Core.Spatial;

/// <summary>
/// Point transformations between EPSG:4326, 25832, 25833 and 3857.
/// Every system is reached through longitude/latitude. For the UTM zones the geographic end is the
/// zone's own ETRS89 system, not ProjNet's WGS 84: ETRS89 and WGS 84 coincide at this accuracy
/// (PostGIS/PROJ apply a null datum shift), whereas ProjNet's WGS 84 inserts a geocentric round trip
/// that moves points by millimetres.
/// </summary>
public sealed class CoordinateTransformer
{
    public static CoordinateTransformer Instance { get; } = new();

    private readonly Dictionary<int, Projection> _projections;

    private CoordinateTransformer()
    {
        var factory = new CoordinateTransformationFactory();
        _projections = new Dictionary<int, Projection>
        {
            [Epsg.Utm32] = Projection.FromWkt(factory, CrsWkt.Utm32),
            [Epsg.Utm33] = Projection.FromWkt(factory, CrsWkt.Utm33),
            [Epsg.WebMercator] = Projection.From(factory, GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WebMercator),
        };
    }

    /// <summary>The codes this transformer knows.</summary>
    public static IReadOnlyList<int> SupportedCodes { get; } = [Epsg.Wgs84, Epsg.Utm32, Epsg.Utm33, Epsg.WebMercator];

    public static bool IsSupported(int epsg) => SupportedCodes.Contains(epsg);

    /// <summary>Transforms one coordinate pair (x = easting or longitude, y = northing or latitude).</summary>
    public (double X, double Y) Transform(double x, double y, int fromEpsg, int toEpsg)
    {
        if (fromEpsg == toEpsg)
            return (x, y);
        var (lon, lat) = fromEpsg == Epsg.Wgs84 ? (x, y) : Get(fromEpsg).ToLonLat(x, y);
        return toEpsg == Epsg.Wgs84 ? (lon, lat) : Get(toEpsg).FromLonLat(lon, lat);
    }

    /// <summary>Longitude/latitude to ETRS89 / UTM 32N.</summary>
    public (double E, double N) ToUtm32(double lon, double lat) => Get(Epsg.Utm32).FromLonLat(lon, lat);

    /// <summary>ETRS89 / UTM 32N to longitude/latitude.</summary>
    public (double Lon, double Lat) FromUtm32(double e, double n) => Get(Epsg.Utm32).ToLonLat(e, n);

    private Projection Get(int epsg) =>
        _projections.TryGetValue(epsg, out var p)
            ? p
            : throw new ArgumentOutOfRangeException(nameof(epsg), epsg, $"EPSG:{epsg} is not supported; supported: {string.Join(", ", SupportedCodes)}");

    private sealed class Projection(MathTransform forward, MathTransform inverse)
    {
        public static Projection FromWkt(CoordinateTransformationFactory factory, string wkt)
        {
            var projected = (ProjectedCoordinateSystem)CoordinateSystemWktReader.Parse(wkt);
            return From(factory, projected.GeographicCoordinateSystem, projected);
        }

        public static Projection From(CoordinateTransformationFactory factory, GeographicCoordinateSystem geographic, ProjectedCoordinateSystem projected)
        {
            var forward = factory.CreateFromCoordinateSystems(geographic, projected).MathTransform;
            var inverse = factory.CreateFromCoordinateSystems(projected, geographic).MathTransform;
            return new Projection(forward, inverse);
        }

        // ProjNet math transforms are not thread-safe; these are tiny and cheap to lock.
        private readonly Lock _gate = new();

        public (double X, double Y) FromLonLat(double lon, double lat)
        {
            lock (_gate)
                return forward.Transform(lon, lat);
        }

        public (double Lon, double Lat) ToLonLat(double x, double y)
        {
            lock (_gate)
                return inverse.Transform(x, y);
        }
    }
}
